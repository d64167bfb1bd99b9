// One benchmark sync in its own process, as the worker runs in production: Node flags
// (e.g. --max-old-space-size) are the worker's, and its peak RSS is sync's alone (the
// simulator runs in yet another process). Prints one JSON line.
import { randomBytes } from "node:crypto";
import { contextForOrganization, saveConnection } from "../../lib/sync/connection";
import { runSyncInline } from "../../lib/sync/engine/run-inline";
import { createBenchDatabase } from "./bench-db";
import { startSimProcess } from "./sim-process";

const repos = Number(process.argv[2] ?? "1000");
const withResync = process.argv[3] === "resync";
const sim = await startSimProcess(repos);
const db = await createBenchDatabase();
try {
  const org = await db.prisma.organization.create({ data: { login: sim.login } });
  const key = randomBytes(32);
  await saveConnection(db.prisma, key, {
    organizationId: org.id,
    baseUrl: sim.url,
    credentials: { kind: "token", token: sim.token },
  });
  const ctx = await contextForOrganization(db.prisma, key, org.id, { concurrency: 16, timeoutMs: 30_000 });
  const started = performance.now();
  const full = await runSyncInline(ctx, { kind: "full", trigger: "cli" }, { batchConcurrency: 2 });
  const seconds = (performance.now() - started) / 1000;
  const run = await db.prisma.syncRun.findUniqueOrThrow({ where: { id: full.runId } });
  if (full.status !== "succeeded") throw new Error(`full sync failed: ${run.errorMessage}`);
  let resyncUnits: number | null = null;
  if (withResync) {
    const re = await runSyncInline(ctx, { kind: "incremental", trigger: "cli" });
    const r = await db.prisma.syncRun.findUniqueOrThrow({ where: { id: re.runId } });
    resyncUnits = r.restRequests - r.restNotModified + r.graphqlPoints;
  }
  const result = {
    repos,
    seconds,
    restRequests: run.restRequests,
    graphqlPoints: run.graphqlPoints,
    resyncUnits,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`BENCH-SYNC ${JSON.stringify(result)}\n`);
} finally {
  await db.drop();
  await sim.stop();
}
