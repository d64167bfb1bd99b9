// Percentiles of recorded latencies. autocannon's own summary stops at p90 and p97.5, and
// the targets are p50 and p95, so the bench records every response time and ranks them.

/** The nearest-rank percentile (0 < p ≤ 100) of `values`: a value that was observed. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error("percentile of no values");
  if (!(p > 0 && p <= 100)) throw new Error(`percentile must be in (0, 100], got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
}
