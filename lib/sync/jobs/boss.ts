import PgBoss from "pg-boss";
import { createSyncQueues } from "./queues";

// One pg-boss instance per process for sending jobs (the web app: webhooks, "start sync").
// It neither supervises nor schedules: that is the worker's job.

const globalForBoss = globalThis as unknown as { gatehouseBoss?: Promise<PgBoss> };

export function getSenderBoss(connectionString: string): Promise<PgBoss> {
  globalForBoss.gatehouseBoss ??= (async () => {
    const boss = new PgBoss({ connectionString, max: 2, supervise: false, schedule: false });
    boss.on("error", () => {});
    await boss.start();
    await createSyncQueues(boss);
    return boss;
  })().catch((error: unknown) => {
    globalForBoss.gatehouseBoss = undefined;
    throw error;
  });
  return globalForBoss.gatehouseBoss;
}
