import "server-only";
import type PgBoss from "pg-boss";
import { runEvidenceExport, type ExportDeps } from "./run-evidence-export";

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

/**
 * Registered by the worker process next to the sync queues. Workers that do not load the
 * web app's whole environment (the demo) pass the key and settings themselves.
 */
export async function startEvidenceWorker(
  boss: PgBoss,
  deps: Pick<ExportDeps, "encryptionKey"> & Partial<ExportDeps>,
): Promise<void> {
  await createEvidenceQueue(boss);
  const full: ExportDeps = {
    retentionHours: 168,
    instanceName: "gatehouse",
    now: () => new Date(),
    ...deps,
  };
  await boss.work<EvidenceJob>(QUEUE_EVIDENCE, async ([job]) => {
    if (job) await runEvidenceExport(job.data.packId, full);
  });
}
