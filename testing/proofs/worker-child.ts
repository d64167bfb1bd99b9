// A sync worker process for the fault and scale-out proofs: lib/worker/main.ts's wiring
// (pg-boss queues, lib/sync jobs, scoring through lib/server) with a short job expiry, so
// a SIGKILLed worker's job is retried by pg-boss's own supervision within seconds rather
// than the production 15 minutes. It prints one line per committed batch
// ("COMMIT <runId> <index> <name>") so the proofs can see which worker ran what.
// Usage: worker-child <db-url> <encryption-key-base64> <name> <scoring-clock-iso> [job-expiry-seconds, default 8] [hold]
// The scoring clock pins the `now` that scores are judged against (secret ages, exception
// expiry): a proof compares databases scored minutes apart, and "last updated 412 days
// ago" must not turn into 413 because midnight of one secret's updated_at fell in between.
// With `hold`, the worker's first batch waits before committing until two batch jobs have
// been started (by any worker): the scale-out proof uses it so that two workers each
// take a batch whatever the machine's speed.
import PgBoss from "pg-boss";
import { createPrismaClient, setDb } from "@/lib/db";
import { systemActor } from "@/lib/server/authz/actor";
import { scoreOrganization } from "@/lib/server/scores/score-organization";
import { contextForOrganization } from "@/lib/sync/connection";
import { startSyncWorker } from "@/lib/sync/jobs/worker";

const [dbUrl, keyB64, name, clock, expiry = "8", mode] = process.argv.slice(2);
let holding = mode === "hold";
const now = new Date(clock ?? "");
if (!dbUrl || !keyB64 || !name || Number.isNaN(now.getTime()))
  throw new Error("usage: worker-child <db-url> <key-base64> <name> <scoring-clock-iso>");
const key = Buffer.from(keyB64, "base64");
const db = createPrismaClient(dbUrl, 4);
setDb(db);
const boss = new PgBoss({
  connectionString: dbUrl,
  max: 4,
  supervise: true,
  maintenanceIntervalSeconds: 1,
  monitorStateIntervalSeconds: 60,
});
boss.on("error", (e: Error) => process.stderr.write(`pg-boss: ${e.message}\n`));
await boss.start();
await startSyncWorker({
  boss,
  db,
  key,
  tuning: { retryLimit: 40, retryDelay: 1, expireInSeconds: Number(expiry) },
  contextFor: async (organizationId) => ({
    ...(await contextForOrganization(db, key, organizationId, { timeoutMs: 30_000, retryBaseMs: 50 })),
    beforeBatchCommit: async (runId, index) => {
      while (holding) {
        const [{ n }] = await db.$queryRawUnsafe<[{ n: number }]>(
          `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'gatehouse-sync-batch' AND started_on IS NOT NULL`,
        );
        holding = n < 2;
        if (holding) await new Promise((r) => setTimeout(r, 100));
      }
      process.stdout.write(`COMMIT ${runId} ${index} ${name}\n`);
    },
  }),
  scoreOrganization: async (organizationId) => {
    await scoreOrganization(systemActor("sync"), { organizationId, now });
  },
});
process.stdout.write(`READY ${name}\n`);
