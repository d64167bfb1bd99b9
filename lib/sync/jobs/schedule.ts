import type PgBoss from "pg-boss";
import type { SyncDb } from "../persist/db";
import { enqueueSyncRequest } from "./queues";

// Periodic syncs. Hourly incremental runs cost ~1 point per 100 repositories when nothing
// changed; the nightly full refresh re-reads settings that change without a push (Actions
// settings, environments, rulesets, secrets) — conditional requests make unchanged ones 304s.

const QUEUE_SCHEDULE = "gatehouse-sync-schedule";

export interface ScheduleJob {
  kind: "full" | "incremental";
}

export async function installSyncSchedules(
  boss: PgBoss,
  db: SyncDb,
  crons = { incremental: "7 * * * *", full: "17 3 * * *" },
): Promise<void> {
  await boss.createQueue(QUEUE_SCHEDULE);
  await boss.schedule(QUEUE_SCHEDULE, crons.incremental, { kind: "incremental" } satisfies ScheduleJob, {
    singletonKey: "incremental",
  });
  await boss.schedule(QUEUE_SCHEDULE, crons.full, { kind: "full" } satisfies ScheduleJob, {
    singletonKey: "full",
  });
  await boss.work<ScheduleJob>(QUEUE_SCHEDULE, async ([job]) => {
    if (!job) return;
    const orgs = await db.gitHubConnection.findMany({ select: { organizationId: true } });
    for (const o of orgs)
      await enqueueSyncRequest(boss, {
        organizationId: o.organizationId,
        kind: job.data.kind,
        trigger: "schedule",
      });
  });
}
