import type PgBoss from "pg-boss";

// The web app queues jobs through one pg-boss sender per process (lib/sync/jobs/boss.ts),
// connected to DATABASE_URL. Tests whose verbs queue jobs point it at their own database
// first, and stop it afterwards so the test process can exit.
export function useSenderBoss(databaseUrl: string): void {
  process.env.DATABASE_URL = databaseUrl;
}

export async function senderBoss(): Promise<PgBoss | undefined> {
  return (globalThis as unknown as { gatehouseBoss?: Promise<PgBoss> }).gatehouseBoss;
}

export async function stopSenderBoss(): Promise<void> {
  const g = globalThis as unknown as { gatehouseBoss?: Promise<PgBoss> };
  await (await g.gatehouseBoss)?.stop({ graceful: false, close: true }).catch(() => {});
  g.gatehouseBoss = undefined;
}
