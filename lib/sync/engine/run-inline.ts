import { completeRunIfDone, createRun, failRun, type StartSyncInput } from "../persist/runs";
import { runBatchStep } from "./batch-step";
import type { SyncContext } from "./context";
import { runListingStep } from "./listing-step";

// A whole run in this process, without the job queue: the CLI, the bench and tests use
// it; the pg-boss worker runs the very same steps as separate jobs.

export interface InlineOptions {
  batchConcurrency?: number;
  /** Attempts per step before the run is marked failed. */
  attempts?: number;
  retryDelayMs?: number;
}

async function withRetries<T>(attempts: number, delayMs: number, fn: () => Promise<T>): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (error) {
      if (i >= attempts) throw error;
      await new Promise((r) => setTimeout(r, delayMs * 2 ** (i - 1)));
    }
  }
}

/** Continues a run from wherever it stopped (listing, or the batches not yet done). */
export async function resumeRun(
  ctx: SyncContext,
  runId: string,
  opts: InlineOptions = {},
): Promise<"succeeded" | "failed"> {
  const attempts = opts.attempts ?? 3;
  const delay = opts.retryDelayMs ?? 1000;
  try {
    await withRetries(attempts, delay, () => runListingStep(ctx, runId));
    const pending = await ctx.db.syncBatch.findMany({
      where: { runId, done: false },
      select: { index: true },
      orderBy: { index: "asc" },
    });
    let next = 0;
    const worker = async () => {
      while (next < pending.length) {
        const { index } = pending[next++]!;
        await withRetries(attempts, delay, () => runBatchStep(ctx, runId, index));
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, opts.batchConcurrency ?? 2) }, worker));
    await completeRunIfDone(ctx.db, runId);
    return "succeeded";
  } catch (error) {
    await failRun(ctx.db, runId, error instanceof Error ? error.message : String(error));
    return "failed";
  }
}

export async function runSyncInline(
  ctx: SyncContext,
  input: Omit<StartSyncInput, "organizationId">,
  opts: InlineOptions = {},
) {
  const { runId } = await createRun(ctx.db, { ...input, organizationId: ctx.organizationId });
  const status = await resumeRun(ctx, runId, opts);
  return { runId, status };
}
