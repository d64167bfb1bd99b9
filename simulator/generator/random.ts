/** mulberry32: tiny, fast, seeded; the same seed gives the same org on every machine. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    /** ISO date between two epoch-ms bounds. */
    date: (from: number, to: number) =>
      new Date(from + Math.floor(next() * (to - from))).toISOString().replace(/\.\d{3}Z$/, "Z"),
  };
}

export type Rng = ReturnType<typeof rng>;
