import type PgBoss from "pg-boss";
import { RateLimitedError } from "@/lib/github/errors";
import type { GitHubClientOptions } from "@/lib/github/client";
import { contextForOrganization } from "../connection";
import { runBatchStep } from "../engine/batch-step";
import type { SyncContext } from "../engine/context";
import { runListingStep } from "../engine/listing-step";
import type { SyncDb } from "../persist/db";
import { completeRunIfDone, createRun, failRun, type StartSyncInput } from "../persist/runs";
import {
  QUEUE_BATCH,
  QUEUE_FAILED,
  QUEUE_LIST,
  QUEUE_REQUEST,
  QUEUE_SCORE,
  createSyncQueues,
  enqueueBatches,
  enqueueListing,
  enqueueScoring,
  enqueueSyncRequest,
  type BatchJob,
  type ListJob,
  type QueueTuning,
  type ScoreJob,
} from "./queues";

export interface SyncWorkerOptions {
  boss: PgBoss;
  db: SyncDb;
  key: Buffer;
  clientOptions?: Partial<Omit<GitHubClientOptions, "credentials" | "baseUrl" | "stats" | "etagStore">>;
  tuning?: QueueTuning;
  /** Delay before re-trying a sync request that found another run active. */
  requestRetryMs?: number;
  /** Overrides how a run's context is built (tests inject hooks). */
  contextFor?: (organizationId: string) => Promise<SyncContext>;
  /**
   * Scores an organisation from its stored facts; queued once per run that succeeds.
   * Injected (the worker's entry point passes lib/server's scoreOrganization) so the sync
   * engine does not depend on the data layer above it.
   */
  scoreOrganization?: (organizationId: string) => Promise<void>;
}

/** Starts a sync: creates the run (or finds the active one) and queues its listing. */
export async function requestSync(
  boss: PgBoss,
  db: SyncDb,
  input: StartSyncInput,
): Promise<{ runId: string; created: boolean }> {
  const res = await createRun(db, input);
  if (res.created) await enqueueListing(boss, res.runId);
  return res;
}

export async function startSyncWorker(opts: SyncWorkerOptions): Promise<void> {
  const { boss, db } = opts;
  await createSyncQueues(boss, opts.tuning);
  const contextFor =
    opts.contextFor ?? ((orgId: string) => contextForOrganization(db, opts.key, orgId, opts.clientOptions));
  const orgOf = async (runId: string) =>
    (await db.syncRun.findUniqueOrThrow({ where: { id: runId }, select: { organizationId: true } }))
      .organizationId;
  // completeRunIfDone is true for exactly one caller per run: that one queues the scoring.
  const completeAndScore = async (runId: string) => {
    if ((await completeRunIfDone(db, runId)) && opts.scoreOrganization)
      await enqueueScoring(boss, await orgOf(runId));
  };

  // A long rate-limit wait must not hold a worker: the job is re-queued for the reset time.
  const deferring = async (fn: () => Promise<void>, requeue: (at: Date) => Promise<void>) => {
    try {
      await fn();
    } catch (error) {
      if (error instanceof RateLimitedError) return requeue(new Date(error.retryAtMs));
      throw error;
    }
  };

  await boss.work<ListJob>(QUEUE_LIST, async ([job]) => {
    if (!job) return;
    const { runId } = job.data;
    await deferring(
      async () => {
        const ctx = await contextFor(await orgOf(runId));
        await runListingStep(ctx, runId);
        const pending = await db.syncBatch.findMany({
          where: { runId, done: false },
          select: { index: true },
        });
        await enqueueBatches(
          boss,
          runId,
          pending.map((b) => b.index),
        );
        await completeAndScore(runId);
      },
      (at) => boss.send(QUEUE_LIST, { runId }, { startAfter: at }).then(() => undefined),
    );
  });

  await boss.work<BatchJob>(QUEUE_BATCH, async ([job]) => {
    if (!job) return;
    const { runId, index } = job.data;
    await deferring(
      async () => {
        const ctx = await contextFor(await orgOf(runId));
        await runBatchStep(ctx, runId, index);
        await completeAndScore(runId);
      },
      (at) => boss.send(QUEUE_BATCH, { runId, index }, { startAfter: at }).then(() => undefined),
    );
  });

  await boss.work<StartSyncInput>(QUEUE_REQUEST, async ([job]) => {
    if (!job) return;
    const res = await createRun(db, job.data);
    if (res.created) await enqueueListing(boss, res.runId);
    // Another run is active and may have listed already: ask again later so the change is not lost.
    else await enqueueSyncRequest(boss, job.data, new Date(Date.now() + (opts.requestRetryMs ?? 30_000)));
  });

  const score = opts.scoreOrganization;
  if (score) {
    await boss.work<ScoreJob>(QUEUE_SCORE, async ([job]) => {
      if (job) await score(job.data.organizationId);
    });
  }

  await boss.work<ListJob | BatchJob>(QUEUE_FAILED, async ([job]) => {
    if (job) await failRun(db, job.data.runId, "a sync step failed after all retries");
  });
}
