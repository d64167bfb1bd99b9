// Shared by the fault and scale-out proofs: a generated organisation in a simulator with
// limits raised, databases wired to it, worker processes (./worker-child.ts) to start and
// SIGKILL, and the comparisons that say whether two databases hold the same sync.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import PgBoss from "pg-boss";
import { generateOrg, startSimulator, type Simulator } from "@/simulator";
import { createTestDatabase, type TestDatabase } from "@/testing/db";
import { CANARY_ENV } from "@/testing/canary";
import { saveConnection } from "@/lib/sync/connection";
import { requestSync } from "@/lib/sync/jobs/worker";
import { syncedState } from "@/testing/sync/db-state";

// Proofs run from the repository root (npx vitest / npx tsx there).
const ROOT = process.cwd();

export async function startGeneratedSimulator(repos: number): Promise<Simulator> {
  return startSimulator({
    fixture: generateOrg({ repos, seed: 1 }),
    port: 0,
    limits: {
      restPerHour: 10_000_000,
      graphqlPointsPerHour: 10_000_000,
      restPointsPerMinute: 10_000_000,
      graphqlPointsPerMinute: 10_000_000,
    },
  });
}

/**
 * The clock every proof worker scores against (worker-child.ts says why it is pinned):
 * the generator's own "now", so secret ages are the same whenever the proof runs.
 */
export const SCORING_CLOCK = new Date("2025-06-01T00:00:00Z");

export interface Site {
  db: TestDatabase;
  organizationId: string;
  key: Buffer;
}

/** A fresh database with the simulator's organisation and a token connection to it. */
export async function createSite(sim: Simulator): Promise<Site> {
  const db = await createTestDatabase();
  const org = await db.prisma.organization.create({ data: { login: sim.fixture.org.login } });
  const key = randomBytes(32);
  await saveConnection(db.prisma, key, {
    organizationId: org.id,
    baseUrl: sim.url,
    credentials: { kind: "token", token: sim.fixture.org.tokens[0]!.token },
  });
  return { db, organizationId: org.id, key };
}

export interface Worker {
  name: string;
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** A worker process; resolves once it serves the queues (it printed READY). */
export async function startWorker(
  site: Site,
  name: string,
  expirySeconds = 8,
  mode?: "hold",
): Promise<Worker> {
  const child = spawn(
    process.execPath,
    [
      // As `npm run worker` runs lib/worker/main.ts (server-only resolves to its no-op).
      "--conditions=react-server",
      "--import",
      "tsx",
      path.join(ROOT, "testing/proofs/worker-child.ts"),
      site.db.url,
      site.key.toString("base64"),
      name,
      SCORING_CLOCK.toISOString(),
      String(expirySeconds),
      ...(mode ? [mode] : []),
    ],
    {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...CANARY_ENV, DATABASE_URL: site.db.url, LOG_LEVEL: "warn" },
    },
  );
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  await until(() => {
    if (child.exitCode !== null) throw new Error(`worker ${name} exited: ${out}`);
    return out.includes(`READY ${name}`);
  }, `worker ${name} ready`);
  return { name, child, output: () => out, exited };
}

export async function kill(worker: Worker): Promise<void> {
  worker.child.kill("SIGKILL");
  await worker.exited;
}

/**
 * Polls a condition (every 100 ms) until it holds: synchronisation on observable state,
 * never on elapsed time. The caller's own timeout is the only deadline.
 */
export async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (;;) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 100)).catch(() => {
      throw new Error(`interrupted waiting for ${what}`);
    });
  }
}

/** Queues a full sync as the web app does (a sender that neither supervises nor schedules). */
export async function queueFullSync(site: Site): Promise<string> {
  const boss = new PgBoss({ connectionString: site.db.url, max: 2, supervise: false, schedule: false });
  boss.on("error", () => {});
  await boss.start();
  try {
    const { runId } = await requestSync(boss, site.db.prisma, {
      organizationId: site.organizationId,
      kind: "full",
      trigger: "manual",
    });
    return runId;
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
}

export async function runState(site: Site, runId: string) {
  return site.db.prisma.syncRun.findUniqueOrThrow({ where: { id: runId } });
}

/** The run succeeded and every current repository has a score (the scoring job ran). */
export async function untilSyncedAndScored(site: Site, runId: string, repos: number): Promise<void> {
  await until(async () => {
    const run = await runState(site, runId);
    if (run.status === "failed") throw new Error(`run ${runId} failed: ${JSON.stringify(run)}`);
    if (run.status !== "succeeded") return false;
    return (await site.db.prisma.repoScore.count()) === repos;
  }, `run ${runId} synced and scored`);
}

/** Everything sync and scoring wrote, comparable across databases (no ids, no times). */
export async function siteState(site: Site) {
  const synced = await syncedState(site.db.prisma, site.organizationId);
  const scores = await site.db.prisma.repoScore.findMany({
    select: {
      overall: true,
      grade: true,
      results: true,
      failingCritical: true,
      failingHigh: true,
      repository: { select: { fullName: true } },
    },
    orderBy: { repository: { fullName: "asc" } },
  });
  return {
    ...synced,
    scores: scores.map(({ repository, ...s }) => ({ fullName: repository.fullName, ...s })),
  };
}

/** Row counts that reveal duplicates or half-written batches. */
export async function rowCounts(site: Site) {
  const p = site.db.prisma;
  const [repositories, snapshots, scores, batches, batchesDone, deadLetters] = await Promise.all([
    p.repository.count(),
    p.repoSnapshot.count(),
    p.repoScore.count(),
    p.syncBatch.count(),
    p.syncBatch.count({ where: { done: true } }),
    p
      .$queryRawUnsafe<[{ n: number }]>(
        `SELECT ((SELECT count(*) FROM pgboss.job WHERE name = 'gatehouse-sync-failed') +
               (SELECT count(*) FROM pgboss.archive WHERE name = 'gatehouse-sync-failed'))::int AS n`,
      )
      .then((r) => r[0].n),
  ]);
  return { repositories, snapshots, scores, batches, batchesDone, deadLetters };
}

/** Sync jobs (listing, batches) a worker holds right now, as `id:retry` keys. */
export async function activeSyncJobs(site: Site): Promise<string[]> {
  const rows = await site.db.prisma.$queryRawUnsafe<Array<{ k: string }>>(
    `SELECT id::text || ':' || retry_count::text AS k FROM pgboss.job
      WHERE name IN ('gatehouse-sync-list', 'gatehouse-sync-batch') AND state = 'active'`,
  );
  return rows.map((r) => r.k);
}
