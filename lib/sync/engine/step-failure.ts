import type { RequestStats } from "@/lib/github/stats";
import type { SyncDb } from "../persist/db";
import { addRunStats } from "../persist/runs";

/**
 * Runs a step body; if it throws, the attempt's requests and error kinds are still
 * added to the run (GitHub charged for them), then the error propagates for retry.
 */
export async function countingFailures<T>(
  db: SyncDb,
  runId: string,
  stats: RequestStats,
  body: () => Promise<T>,
): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (Object.keys(stats.errors).length === 0) stats.recordError("other");
    await addRunStats(db, runId, stats.snapshot()).catch(() => {});
    throw error;
  }
}
