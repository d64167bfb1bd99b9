import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runSyncInline } from "./engine/run-inline";
import { syncedState } from "../../testing/sync/db-state";
import { startSyncHarness, type SyncHarness } from "../../testing/sync/harness";
import { syncTestFixture } from "../../testing/sync/org-fixture";

// Whole syncs under injected faults: heavy GraphQL batches are split, a sync that fails
// midway leaves the previous facts intact and records why, waits and hangs are survived.

let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness(syncTestFixture(6), { timeoutMs: 8_000, retryBaseMs: 10 });
}, 60_000);
afterAll(async () => h?.close());
beforeEach(() => {
  h.sim.setFaults(undefined);
  h.sim.stats.reset();
});

describe("sync under faults", () => {
  it("splits a facts query GitHub keeps refusing with 502 and still completes", async () => {
    // GraphQL order: advisories, listing, then facts — the first facts request and its 3 retries fail.
    h.sim.setFaults({ rules: [{ kind: "server-error", status: 502, path: "/graphql", after: 2, count: 4 }] });
    const { runId, status } = await runSyncInline(
      h.ctx,
      { kind: "full", trigger: "manual" },
      { attempts: 1 },
    );
    const run0 = await h.db.prisma.syncRun.findUniqueOrThrow({ where: { id: runId } });
    expect({ status, error: run0.errorMessage }).toEqual({ status: "succeeded", error: null });
    expect(h.sim.stats.faults).toBe(4);
    expect(await h.db.prisma.repoSnapshot.count()).toBe(10);
    const run = await h.db.prisma.syncRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run.reposDone).toBe(10);
  });

  it("a sync failing midway keeps the previous facts and records the errors by kind", async () => {
    const before = await syncedState(h.db.prisma, h.organizationId);
    h.sim.setFaults({ rules: [{ kind: "server-error", status: 500, path: "/repos/*/*/keys" }] });
    const { runId, status } = await runSyncInline(
      h.ctx,
      { kind: "full", trigger: "manual" },
      { attempts: 2, retryDelayMs: 10 },
    );
    expect(status).toBe("failed");
    const run = await h.db.prisma.syncRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run.errorMessage).toBeTruthy();
    expect((run.errors as Record<string, number>).server).toBeGreaterThanOrEqual(1);
    // The Sync page opens the counts to the failed requests themselves.
    expect(run.errorDetails).toContainEqual(
      expect.objectContaining({
        kind: "server",
        method: "GET",
        status: 500,
        path: expect.stringMatching(/\/keys$/),
      }),
    );
    expect(run.activeOrgId).toBeNull();
    expect(await syncedState(h.db.prisma, h.organizationId)).toEqual(before);
    // Requests already in flight when the batch failed finish on their own; let them drain.
    await new Promise((r) => setTimeout(r, 500));
  });

  it("waits out secondary limits and a hung request, then completes", async () => {
    h.sim.setFaults({
      rules: [
        {
          kind: "secondary-limit",
          status: 403,
          retryAfter: 1,
          path: "/repos/*/*/actions/permissions",
          count: 1,
        },
        { kind: "hang", path: "/repos/*/*/keys", count: 1 },
      ],
    });
    const { status } = await runSyncInline(h.ctx, { kind: "full", trigger: "manual" }, { attempts: 1 });
    // Both faults were served and the run still succeeded, so the client retried past them.
    // How long it waited is the client's own test (lib/github/client.integration.test.ts).
    expect(status).toBe("succeeded");
    expect(h.sim.stats.faults).toBe(2);
  });
});
