// @ts-check
// GATEHOUSE_WEB_PROCESSES, parsed here rather than in lib/env.ts: the launcher is plain
// Node (it starts before, and outside, the Next.js app whose TypeScript reads lib/env.ts),
// and it must reject a bad value before forking anything, with the variable's name.

const MAX_WEB_PROCESSES = 64;

/**
 * @param {string | undefined} value the variable as set ("" counts as unset, as compose passes it)
 * @param {number} available os.availableParallelism(): the default, one process per core
 * @returns {number}
 */
export function parseWebProcesses(value, available) {
  const text = (value ?? "").trim();
  if (text === "") return Math.min(Math.max(available, 1), MAX_WEB_PROCESSES);
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(n >= 1 && n <= MAX_WEB_PROCESSES))
    throw new Error(
      `GATEHOUSE_WEB_PROCESSES is invalid: ${JSON.stringify(value)} is not a whole number from 1 to ${MAX_WEB_PROCESSES} (unset: one per core)`,
    );
  return n;
}
