// The sync worker process: `npm run worker`. It serves the sync queues, scores
// organisations after each successful run, and installs the periodic schedules.
// This is a composition root: it wires lib/sync (jobs) to lib/server (scoring), which
// is why it lives in a package of its own rather than inside either (no package cycle).
// Run it with --max-old-space-size=256 (the npm script does): sync's live set is small,
// and the cap keeps V8 from growing the heap under the churn of large batches.
import PgBoss from "pg-boss";
import { parseKey } from "@/lib/crypto/aead";
import { createPrismaClient, setDb } from "@/lib/db";
import { getWorkerEnv } from "@/lib/env";
import { systemActor } from "@/lib/server/authz/actor";
import { startEvidenceWorker } from "@/lib/server/internal/evidence-queue";
import { startExceptionExpiryWorker } from "@/lib/server/internal/exception-expiry";
import { scoreOrganization } from "@/lib/server/scores/score-organization";
import { generateThreatModels } from "@/lib/server/threat-models/generate-threat-models";
import { installSyncSchedules } from "@/lib/sync/jobs/schedule";
import { startSyncWorker } from "@/lib/sync/jobs/worker";
import { startPolicyRescoreWorker } from "@/lib/server/internal/policy-rescore";

const env = getWorkerEnv();
// The one client factory; lib/server functions (scoring) use the same client.
const db = createPrismaClient(env.DATABASE_URL, 6);
setDb(db);
const boss = new PgBoss({ connectionString: env.DATABASE_URL, max: 4 });
boss.on("error", (e: Error) => process.stderr.write(`pg-boss: ${e.message}\n`));
await boss.start();
await startSyncWorker({
  boss,
  db,
  key: parseKey(env.GATEHOUSE_ENCRYPTION_KEY),
  // Every GitHub request and redirect hop is checked (lib/net): no metadata, link-local,
  // or (outside demo/test mode) loopback/private addresses.
  clientOptions: { outbound: { allowPrivate: env.GATEHOUSE_ALLOW_PRIVATE_NETWORK } },
  scoreOrganization: async (organizationId) => {
    await scoreOrganization(systemActor("sync"), { organizationId });
    // Threat models read the same snapshots; their check controls read the scores just written.
    await generateThreatModels(systemActor("sync"), { organizationId });
  },
});
// Evidence exports run in the same worker: they read scores, not GitHub.
await startEvidenceWorker(boss, {
  encryptionKey: parseKey(env.GATEHOUSE_ENCRYPTION_KEY),
  retentionHours: env.GATEHOUSE_EVIDENCE_RETENTION_HOURS,
  ...(env.NEXTAUTH_URL ? { instanceName: new URL(env.NEXTAUTH_URL).host } : {}),
});
// Re-scoring after a policy save (the policy page shows its progress).
await startPolicyRescoreWorker(boss);
// Expired exceptions reopen their tasks even when nothing is synced.
await startExceptionExpiryWorker(boss);
if (env.SYNC_SCHEDULES === "on") await installSyncSchedules(boss, db);
process.stdout.write("gatehouse sync worker started\n");

const stop = async () => {
  await boss.stop({ graceful: true, timeout: 30_000 });
  await db.$disconnect();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
