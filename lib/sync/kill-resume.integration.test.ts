import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { resumeRun, runSyncInline } from "./engine/run-inline";
import { createRun } from "./persist/runs";
import { syncedState } from "../../testing/sync/db-state";
import { startSyncHarness, type SyncHarness } from "../../testing/sync/harness";
import { syncTestFixture } from "../../testing/sync/org-fixture";

// A worker process is SIGKILLed mid-sync (after at least one committed batch, likely
// inside another); a new worker resumes the run. The end state must equal that of an
// uninterrupted sync of the same organisation.

let killed: SyncHarness;
let reference: SyncHarness;

beforeAll(async () => {
  killed = await startSyncHarness(syncTestFixture(496));
  reference = await startSyncHarness(syncTestFixture(496));
}, 60_000);
afterAll(async () => {
  await killed?.close();
  await reference?.close();
});

it("a worker killed mid-sync and restarted converges to the uninterrupted state", async () => {
  const { runId } = await createRun(killed.db.prisma, {
    organizationId: killed.organizationId,
    kind: "full",
    trigger: "manual",
  });
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      path.join(__dirname, "../../testing/sync/sync-child.ts"),
      killed.db.url,
      killed.key.toString("base64"),
      killed.organizationId,
      runId,
    ],
    {
      cwd: path.join(__dirname, "../.."),
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

  // Wait for the first committed batch (a condition, not a deadline: on a loaded machine the
  // child may take long to start; the test's own timeout is the backstop).
  await vi.waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`child exited before any progress: ${output}`);
      const run = await killed.db.prisma.syncRun.findUniqueOrThrow({ where: { id: runId } });
      expect(run.batchesDone).toBeGreaterThanOrEqual(1);
    },
    { timeout: 280_000, interval: 25 },
  );
  child.kill("SIGKILL");
  await exited;
  const atKill = await killed.db.prisma.syncRun.findUniqueOrThrow({ where: { id: runId } });
  expect(atKill.status).toBe("running");
  expect(atKill.batchesDone).toBeLessThan(atKill.batchesTotal);

  expect(await resumeRun(killed.ctx, runId)).toBe("succeeded");
  const { status } = await runSyncInline(reference.ctx, { kind: "full", trigger: "manual" });
  expect(status).toBe("succeeded");
  const a = await syncedState(killed.db.prisma, killed.organizationId);
  const b = await syncedState(reference.db.prisma, reference.organizationId);
  expect(a.repos).toHaveLength(500);
  expect(a).toEqual(b);
}, 300_000);
