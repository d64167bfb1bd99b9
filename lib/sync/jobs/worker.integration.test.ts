import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resumeRun, runSyncInline } from "../engine/run-inline";
import { syncedState } from "../../../testing/sync/db-state";
import { startSyncHarness, type SyncHarness } from "../../../testing/sync/harness";
import { syncTestFixture } from "../../../testing/sync/org-fixture";
import { QUEUE_SCORE } from "./queues";
import { requestSync, startSyncWorker } from "./worker";

// The pg-boss worker end to end, and convergence after a crash inside a batch.

let queued: SyncHarness;
let reference: SyncHarness;
let boss: PgBoss;
const scored: string[] = [];

// Polls a condition; the test's own timeout is the only deadline, so a loaded machine
// makes the test slower, never wrong.
async function waitForRun(h: SyncHarness, runId: string) {
  let run = await h.db.prisma.syncRun.findUniqueOrThrow({ where: { id: runId } });
  await vi.waitFor(
    async () => {
      run = await h.db.prisma.syncRun.findUniqueOrThrow({ where: { id: runId } });
      expect(
        ["succeeded", "failed"],
        `run still ${run.status} (${run.batchesDone}/${run.batchesTotal})`,
      ).toContain(run.status);
    },
    { timeout: 250_000, interval: 200 },
  );
  return run;
}

/** Scoring jobs ever queued for an organisation (pending, done or archived). */
async function scoringJobs(h: SyncHarness, organizationId: string): Promise<number> {
  const [{ n }] = await h.db.prisma.$queryRawUnsafe<[{ n: number }]>(
    `SELECT ((SELECT count(*) FROM pgboss.job WHERE name = $1 AND data->>'organizationId' = $2) +
             (SELECT count(*) FROM pgboss.archive WHERE name = $1 AND data->>'organizationId' = $2))::int AS n`,
    QUEUE_SCORE,
    organizationId,
  );
  return n;
}

beforeAll(async () => {
  // 250 repositories: three batches, so a crash can land between committed batches.
  queued = await startSyncHarness(syncTestFixture(246));
  reference = await startSyncHarness(syncTestFixture(246));
  boss = new PgBoss({
    connectionString: queued.db.url,
    max: 3,
    supervise: true,
    maintenanceIntervalSeconds: 1,
    monitorStateIntervalSeconds: 60,
  });
  boss.on("error", () => {});
  await boss.start();
  let crashed = false;
  await startSyncWorker({
    boss,
    db: queued.db.prisma,
    key: Buffer.alloc(32),
    tuning: { retryLimit: 3, retryDelay: 1 },
    scoreOrganization: async (organizationId) => {
      scored.push(organizationId);
    },
    contextFor: async () => ({
      ...queued.ctx,
      // The worker "dies" inside batch 1's transaction, after its writes, before commit.
      beforeBatchCommit: (_runId, index) => {
        if (index === 1 && !crashed) {
          crashed = true;
          throw new Error("simulated crash before commit");
        }
      },
    }),
  });
}, 300_000);

afterAll(async () => {
  await boss?.stop({ graceful: false, close: true }).catch(() => {});
  await queued?.close();
  await reference?.close();
});

describe("sync worker (pg-boss)", () => {
  it("runs a queued sync to completion through listing and batch jobs, retrying the crashed batch", async () => {
    const { runId, created } = await requestSync(boss, queued.db.prisma, {
      organizationId: queued.organizationId,
      kind: "full",
      trigger: "manual",
    });
    expect(created).toBe(true);
    const again = await requestSync(boss, queued.db.prisma, {
      organizationId: queued.organizationId,
      kind: "full",
      trigger: "manual",
    });
    expect(again).toEqual({ runId, created: false });
    const run = await waitForRun(queued, runId);
    expect(run).toMatchObject({
      status: "succeeded",
      reposSeen: 250,
      reposChanged: 250,
      batchesTotal: 3,
      batchesDone: 3,
      reposDone: 250,
    });
    const batch1 = await queued.db.prisma.syncBatch.findUniqueOrThrow({
      where: { runId_index: { runId, index: 1 } },
    });
    expect(batch1.attempts).toBe(2);
    // The run that succeeded queues exactly one scoring of its organisation.
    await vi.waitFor(() => expect(scored).toEqual([queued.organizationId]), { timeout: 250_000 });
    // Counted in the queue itself, so no sleep is needed to rule out a second scoring.
    expect(await scoringJobs(queued, queued.organizationId)).toBe(1);
  }, 300_000);

  it("converges to the same database state as an uninterrupted sync", async () => {
    const { status } = await runSyncInline(reference.ctx, { kind: "full", trigger: "manual" });
    expect(status).toBe("succeeded");
    const a = await syncedState(queued.db.prisma, queued.organizationId);
    const b = await syncedState(reference.db.prisma, reference.organizationId);
    expect(a.repos.length).toBe(250);
    expect(a).toEqual(b);
  }, 300_000);

  it("resumes a run left half-done without refetching committed batches", async () => {
    const { runId } = await runSyncInline(
      {
        ...reference.ctx,
        beforeBatchCommit: (_r, i) => {
          if (i === 2) throw new Error("die");
        },
      },
      { kind: "full", trigger: "manual" },
      { attempts: 1 },
    );
    const failed = await reference.db.prisma.syncRun.findUniqueOrThrow({ where: { id: runId } });
    expect(failed).toMatchObject({ status: "failed", batchesDone: 2 });
    // A failed run never deletes or half-writes: the earlier snapshots are all there.
    expect(await reference.db.prisma.repoSnapshot.count()).toBe(250);
    await reference.db.prisma.syncRun.update({
      where: { id: runId },
      data: { status: "running", activeOrgId: reference.organizationId },
    });
    reference.sim.stats.reset();
    expect(await resumeRun(reference.ctx, runId)).toBe("succeeded");
    // Batch 2 only: its facts query and its file-texts query.
    expect(reference.sim.stats.graphql).toBe(2);
  }, 300_000);
});
