import "server-only";
import type PgBoss from "pg-boss";
import { runEvidenceExport } from "./run-evidence-export";

// pg-boss queue of evidence exports. A pack is built once: a retry after a crash starts
// the same pack row again from scratch (its partial chunks are deleted first).
export const QUEUE_EVIDENCE = "gatehouse-evidence-export";

export interface EvidenceJob {
  packId: string;
}

export async function createEvidenceQueue(boss: PgBoss): Promise<void> {
  await boss.createQueue(QUEUE_EVIDENCE, {
    name: QUEUE_EVIDENCE,
    retryLimit: 2,
    retryDelay: 10,
    expireInSeconds: 30 * 60,
  });
}

export async function enqueueEvidenceExport(boss: PgBoss, packId: string): Promise<void> {
  await createEvidenceQueue(boss);
  await boss.send(QUEUE_EVIDENCE, { packId } satisfies EvidenceJob, { singletonKey: packId });
}

/** Registered by the worker process next to the sync queues. */
export async function startEvidenceWorker(boss: PgBoss): Promise<void> {
  await createEvidenceQueue(boss);
  await boss.work<EvidenceJob>(QUEUE_EVIDENCE, async ([job]) => {
    if (job) await runEvidenceExport(job.data.packId);
  });
}
