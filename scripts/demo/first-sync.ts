// The demo's sync: a first full sync and scoring before the dashboard opens (so there is
// something to look at), then the same pg-boss worker production runs, in this process,
// so "Start sync" on the Sync page and policy changes work as they would in production.
import PgBoss from "pg-boss";
import { setDb, type PrismaClient } from "../../lib/db";
import { systemActor } from "../../lib/server/authz/actor";
import { scoreOrganization } from "../../lib/server/scores/score-organization";
import { generateThreatModels } from "../../lib/server/threat-models/generate-threat-models";
import { contextForOrganization } from "../../lib/sync/connection";
import { runSyncInline } from "../../lib/sync/engine/run-inline";
import { startSyncWorker } from "../../lib/sync/jobs/worker";
import { startEvidenceWorker } from "../../lib/server/internal/evidence-queue";
import { startPolicyRescoreWorker } from "../../lib/server/internal/policy-rescore";
import { startExceptionExpiryWorker } from "../../lib/server/internal/exception-expiry";

export interface DemoSync {
  repositories: number;
  seconds: number;
  stop(): Promise<void>;
}

export async function runDemoSync(
  db: PrismaClient,
  url: string,
  key: Buffer,
  organizationId: string,
): Promise<DemoSync> {
  setDb(db);
  const started = performance.now();
  const ctx = await contextForOrganization(db, key, organizationId);
  const { runId, status } = await runSyncInline(ctx, { kind: "full", trigger: "cli" });
  if (status !== "succeeded") {
    const run = await db.syncRun.findUnique({ where: { id: runId }, select: { errorMessage: true } });
    throw new Error(`the demo's first sync failed: ${run?.errorMessage ?? "unknown error"}`);
  }
  const scored = await scoreOrganization(systemActor("demo"), { organizationId });
  await generateThreatModels(systemActor("demo"), { organizationId });
  const boss = new PgBoss({ connectionString: url, max: 2 });
  boss.on("error", (e: Error) => process.stderr.write(`pg-boss: ${e.message}\n`));
  await boss.start();
  await startSyncWorker({
    boss,
    db,
    key,
    scoreOrganization: async (orgId) => {
      await scoreOrganization(systemActor("sync"), { organizationId: orgId });
      await generateThreatModels(systemActor("sync"), { organizationId: orgId });
    },
  });
  await startEvidenceWorker(boss, { encryptionKey: key });
  // Re-scoring after a policy save, as the production worker runs it.
  await startPolicyRescoreWorker(boss);
  await startExceptionExpiryWorker(boss);
  return {
    repositories: scored.scored,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    async stop() {
      await boss.stop({ graceful: false, close: true }).catch(() => undefined);
    },
  };
}
