import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resumeRun, runSyncInline } from "../engine/run-inline";
import { syncedState } from "../../../testing/sync/db-state";
import { startSyncHarness, type SyncHarness } from "../../../testing/sync/harness";
import { syncTestFixture } from "../../../testing/sync/org-fixture";
import { requestSync, startSyncWorker } from "./worker";

// The pg-boss worker end to end, and convergence after a crash inside a batch.

let queued: SyncHarness;
let reference: SyncHarness;
let boss: PgBoss;
const scored: string[] = [];

async function waitForRun(h: SyncHarness, runId: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const run = await h.db.prisma.syncRun.findUniqueOrThrow({ where: { id: runId } });
    if (run.status === "succeeded" || run.status === "failed") return run;
    if (Date.now() > until)
      throw new Error(`run still ${run.status} (${run.batchesDone}/${run.batchesTotal})`);
    await new Promise((r) => setTimeout(r, 200));
  }
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
}, 120_000);

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
    const until = Date.now() + 20_000;
    while (scored.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 1500));
    expect(scored).toEqual([queued.organizationId]);
  }, 90_000);

  it("converges to the same database state as an uninterrupted sync", async () => {
    const { status } = await runSyncInline(reference.ctx, { kind: "full", trigger: "manual" });
    expect(status).toBe("succeeded");
    const a = await syncedState(queued.db.prisma, queued.organizationId);
    const b = await syncedState(reference.db.prisma, reference.organizationId);
    expect(a.repos.length).toBe(250);
    expect(a).toEqual(b);
  }, 90_000);

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
  }, 90_000);
});
