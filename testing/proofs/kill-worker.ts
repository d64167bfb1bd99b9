// The fault proof (issue 8): a sync of `repos` generated repositories, run by worker
// processes of which `kills` are SIGKILLed at seeded-random points, ends with the same
// database as an uninterrupted sync of the same organisation: the same repositories,
// snapshots and scores, no duplicate row, no half-written batch, no dead-lettered job.
// Kill points are observable states, never delays: a worker is killed once it holds a
// sync job it had not held at an earlier kill, and (by a coin of the seeded generator)
// either at once, inside that job, or right after the next batch commits.
import {
  activeSyncJobs,
  createSite,
  kill,
  queueFullSync,
  rowCounts,
  runState,
  siteState,
  startGeneratedSimulator,
  startWorker,
  until,
  untilSyncedAndScored,
  type Worker,
} from "./fleet";

export interface KillProofOptions {
  repos: number;
  kills: number;
  seed: number;
  /** The chance that a kill waits for the next commit rather than striking inside the job. */
  afterCommitChance?: number;
  log?: (line: string) => void;
}

/** mulberry32: the seeded generator that picks the kill points. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function runKillProof(opts: KillProofOptions) {
  const log = opts.log ?? (() => {});
  const random = seeded(opts.seed);
  const sim = await startGeneratedSimulator(opts.repos);
  const reference = await createSite(sim);
  const killed = await createSite(sim);
  const workers: Worker[] = [];
  try {
    // The uninterrupted sync.
    const refWorker = await startWorker(reference, "reference");
    workers.push(refWorker);
    const refRun = await queueFullSync(reference);
    await untilSyncedAndScored(reference, refRun, opts.repos);
    await kill(refWorker);
    log(`reference sync done: ${opts.repos} repositories`);

    // The same sync, with workers SIGKILLed along the way.
    let worker = await startWorker(killed, "w0");
    workers.push(worker);
    const runId = await queueFullSync(killed);
    const seen = new Set<string>();
    let kills = 0;
    const killPoints: string[] = [];
    while (kills < opts.kills) {
      let held: string | undefined;
      await until(async () => {
        const run = await runState(killed, runId);
        if (run.status !== "running" && run.status !== "queued") return true;
        held = (await activeSyncJobs(killed)).find((k) => !seen.has(k));
        return held !== undefined;
      }, "a worker holding a new sync job");
      const before = await runState(killed, runId);
      // Leave the last batch alone: after it the worker scores, outside the sync queues.
      if (
        !held ||
        before.status === "succeeded" ||
        (before.batchesDone >= before.batchesTotal - 1 && before.batchesTotal > 0)
      )
        break;
      seen.add(held);
      const afterCommit = random() < (opts.afterCommitChance ?? 0.5);
      if (afterCommit)
        await until(async () => (await runState(killed, runId)).batchesDone > before.batchesDone, "a commit");
      const at = await runState(killed, runId);
      if (at.batchesTotal > 0 && at.batchesDone >= at.batchesTotal - 1) break;
      await kill(worker);
      kills++;
      killPoints.push(
        `${afterCommit ? "after commit" : "inside job"} ${held} (${at.batchesDone}/${at.batchesTotal})`,
      );
      log(`kill ${kills}: ${killPoints.at(-1)}`);
      worker = await startWorker(killed, `w${kills}`);
      workers.push(worker);
    }
    await untilSyncedAndScored(killed, runId, opts.repos);
    const run = await runState(killed, runId);
    const attempts = await killed.db.prisma.syncBatch.aggregate({ _sum: { attempts: true } });
    return {
      kills,
      killPoints,
      run: { status: run.status, batchesDone: run.batchesDone, batchesTotal: run.batchesTotal },
      batchAttempts: attempts._sum.attempts ?? 0,
      counts: { killed: await rowCounts(killed), reference: await rowCounts(reference) },
      state: { killed: await siteState(killed), reference: await siteState(reference) },
    };
  } finally {
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) await kill(w);
    await sim.close();
    await killed.db.drop();
    await reference.db.drop();
  }
}
