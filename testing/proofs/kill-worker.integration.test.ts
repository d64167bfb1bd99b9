import { expect, it } from "vitest";
import { runKillProof } from "./kill-worker";

// The fault proof at test size (the full one, 2,000 repositories and 20 kills, is
// `npx tsx scripts/proofs/kill-worker.ts`): worker processes SIGKILLed at seeded points of
// a real pg-boss sync against the simulator converge to an uninterrupted sync's database.
it("worker SIGKILLs during a sync leave the database equal to an uninterrupted sync's (property: kill the worker mid-sync)", async () => {
  const proof = await runKillProof({ repos: 450, kills: 3, seed: 8 });
  expect(proof.kills).toBe(3);
  expect(proof.run).toEqual({ status: "succeeded", batchesDone: 5, batchesTotal: 5 });
  expect(proof.counts.killed).toEqual(proof.counts.reference);
  expect(proof.counts.killed).toMatchObject({
    repositories: 450,
    snapshots: 450,
    scores: 450,
    deadLetters: 0,
  });
  expect(proof.state.killed).toEqual(proof.state.reference);
}, 600_000);
