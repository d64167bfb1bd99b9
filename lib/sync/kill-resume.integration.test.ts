import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
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

  const until = Date.now() + 60_000;
  for (;;) {
    const run = await killed.db.prisma.syncRun.findUniqueOrThrow({ where: { id: runId } });
    if (run.batchesDone >= 1) break;
    if (Date.now() > until || child.exitCode !== null) throw new Error(`child made no progress: ${output}`);
    await new Promise((r) => setTimeout(r, 25));
  }
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
}, 120_000);
