import { afterAll, beforeAll, expect, it } from "vitest";
import type { Simulator } from "@/simulator";
import {
  createSite,
  kill,
  queueFullSync,
  rowCounts,
  startGeneratedSimulator,
  startWorker,
  untilSyncedAndScored,
  type Site,
  type Worker,
} from "./fleet";

// Scale-out on the engine users already run (issue 8): two worker processes on one
// Postgres share a sync through pg-boss. Batches are split between them, none runs twice,
// and the organisation is scored once. (Web processes hold no session state: sessions are
// database rows looked up on every request, see docs/security.md.)
let sim: Simulator;
let site: Site;
const workers: Worker[] = [];

beforeAll(async () => {
  sim = await startGeneratedSimulator(450);
  site = await createSite(sim);
}, 120_000);
afterAll(async () => {
  for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) await kill(w);
  await sim?.close();
  await site?.db.drop();
});

it("two workers share a sync: batches split between them, none run twice, one scoring (property: scale out)", async () => {
  // A long job expiry: a batch is only ever retried because a worker died, never because it was slow.
  workers.push(await startWorker(site, "alpha", 600, "hold"));
  workers.push(await startWorker(site, "bravo", 600, "hold"));
  const runId = await queueFullSync(site);
  await untilSyncedAndScored(site, runId, 450);

  const batches = await site.db.prisma.syncBatch.findMany({ where: { runId }, orderBy: { index: "asc" } });
  expect(batches.map((b) => [b.index, b.done, b.attempts])).toEqual([0, 1, 2, 3, 4].map((i) => [i, true, 1]));
  const commits = workers.flatMap((w) =>
    [...w.output().matchAll(/^COMMIT (\S+) (\d+) (\S+)$/gm)].map((m) => ({ index: Number(m[2]), by: m[3] })),
  );
  // Every batch committed once, and each worker committed at least one.
  expect(commits.map((c) => c.index).sort()).toEqual([0, 1, 2, 3, 4]);
  expect(new Set(commits.map((c) => c.by))).toEqual(new Set(["alpha", "bravo"]));
  const [{ n: scorings }] = await site.db.prisma.$queryRawUnsafe<[{ n: number }]>(
    `SELECT ((SELECT count(*) FROM pgboss.job WHERE name = 'gatehouse-score') +
             (SELECT count(*) FROM pgboss.archive WHERE name = 'gatehouse-score'))::int AS n`,
  );
  expect(scorings).toBe(1);
  expect(await rowCounts(site)).toEqual({
    repositories: 450,
    snapshots: 450,
    scores: 450,
    batches: 5,
    batchesDone: 5,
    deadLetters: 0,
  });
}, 600_000);
