import { runPolicyRescore } from "../lib/server/internal/policy-rescore";

// Policy and exception verbs only queue their re-scoring (lib/server/internal/policy-rescore.ts);
// a test runs the queued job in its own process, at its own clock, before it reads scores,
// instead of starting a worker and waiting on it. Returns what the verb returned.
export async function runQueuedRescore<T extends { rescoreId: string | null }>(
  saved: T,
  now?: Date,
): Promise<T> {
  if (!saved.rescoreId) throw new Error("nothing was queued: the verb changed no policy version");
  await runPolicyRescore(saved.rescoreId, now ? { now } : {});
  return saved;
}
