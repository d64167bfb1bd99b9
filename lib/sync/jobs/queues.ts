import type PgBoss from "pg-boss";
import type { StartSyncInput } from "../persist/runs";

// pg-boss queues of a sync run: one listing job, then one job per batch. Retries with
// exponential backoff; a job that exhausts them lands in the dead-letter queue, whose
// handler marks the run failed (facts already written stay, nothing is deleted).

export const QUEUE_LIST = "gatehouse-sync-list";
export const QUEUE_BATCH = "gatehouse-sync-batch";
export const QUEUE_FAILED = "gatehouse-sync-failed";
/** A request to start a run (webhooks, schedules); retried later while another run is active. */
export const QUEUE_REQUEST = "gatehouse-sync-request";
/** Re-scoring an organisation from its stored facts once a run has succeeded. */
export const QUEUE_SCORE = "gatehouse-score";

export interface ListJob {
  runId: string;
}
export interface BatchJob {
  runId: string;
  index: number;
}

export interface ScoreJob {
  organizationId: string;
}

export interface QueueTuning {
  retryLimit?: number;
  retryDelay?: number;
  /** A worker that dies holds its job this long before another may take it. */
  expireInSeconds?: number;
}

export async function createSyncQueues(boss: PgBoss, t: QueueTuning = {}): Promise<void> {
  const common = {
    retryLimit: t.retryLimit ?? 4,
    retryDelay: t.retryDelay ?? 10,
    retryBackoff: true,
    expireInSeconds: t.expireInSeconds ?? 15 * 60,
    deadLetter: QUEUE_FAILED,
  };
  await boss.createQueue(QUEUE_FAILED);
  await boss.createQueue(QUEUE_REQUEST, {
    name: QUEUE_REQUEST,
    retryLimit: 3,
    retryDelay: 5,
    retryBackoff: true,
  });
  await boss.createQueue(QUEUE_LIST, { name: QUEUE_LIST, ...common });
  await boss.createQueue(QUEUE_BATCH, { name: QUEUE_BATCH, ...common });
  await boss.createQueue(QUEUE_SCORE, {
    name: QUEUE_SCORE,
    retryLimit: 3,
    retryDelay: 10,
    retryBackoff: true,
  });
}

/** One pending scoring per organisation: runs finishing close together score once. */
export async function enqueueScoring(boss: PgBoss, organizationId: string): Promise<void> {
  await boss.send(QUEUE_SCORE, { organizationId } satisfies ScoreJob, { singletonKey: organizationId });
}

/** Batch jobs are keyed by run and index, so re-enqueueing after a crash never duplicates. */
export async function enqueueBatches(boss: PgBoss, runId: string, indexes: number[]): Promise<void> {
  for (const index of indexes)
    await boss.send(QUEUE_BATCH, { runId, index } satisfies BatchJob, { singletonKey: `${runId}:${index}` });
}

/** Queues a sync request; the worker starts it now or once the organisation's active run ends. */
export async function enqueueSyncRequest(
  boss: PgBoss,
  request: StartSyncInput,
  startAfter?: Date,
): Promise<void> {
  await boss.send(QUEUE_REQUEST, request, startAfter ? { startAfter } : {});
}

export async function enqueueListing(boss: PgBoss, runId: string): Promise<void> {
  await boss.send(QUEUE_LIST, { runId } satisfies ListJob, { singletonKey: runId });
}
