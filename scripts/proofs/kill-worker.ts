// The full fault proof (issue 8): `npx tsx --conditions=react-server scripts/proofs/kill-worker.ts [repos] [kills] [seed]`
// (default 2,000 repositories, 20 SIGKILLs, seed 8) against the simulator and the Postgres
// at DATABASE_URL. Prints the kill points and the figures; exits 1 when the killed sync's
// database differs from the uninterrupted one's. The test-size variant runs in `npm test`
// (testing/proofs/kill-worker.integration.test.ts).
import { isDeepStrictEqual } from "node:util";
import { runKillProof } from "@/testing/proofs/kill-worker";

const [repos = "2000", kills = "20", seed = "8"] = process.argv.slice(2);
const proof = await runKillProof({
  repos: Number(repos),
  kills: Number(kills),
  seed: Number(seed),
  // 20 batches for 20 kills: most kills strike inside a job so the run does not end first.
  afterCommitChance: 0.25,
  log: (line) => process.stdout.write(`${line}\n`),
});
const same = isDeepStrictEqual(proof.state.killed, proof.state.reference);
const counts = isDeepStrictEqual(proof.counts.killed, proof.counts.reference);
process.stdout.write(
  `${JSON.stringify({ kills: proof.kills, run: proof.run, batchAttempts: proof.batchAttempts, counts: proof.counts, sameState: same }, null, 2)}\n`,
);
if (!same) {
  // Say where the two databases differ (first few differences), for the report.
  const { killed, reference } = proof.state;
  const diffs: string[] = [];
  if (!isDeepStrictEqual(killed.org, reference.org)) diffs.push("org snapshot facts differ");
  for (const [i, repo] of killed.repos.entries())
    for (const field of Object.keys(repo) as Array<keyof typeof repo>)
      if (!isDeepStrictEqual(repo[field], reference.repos[i]?.[field]))
        diffs.push(`repo ${repo.name}: ${field}`);
  for (const [i, score] of killed.scores.entries())
    for (const field of Object.keys(score) as Array<keyof typeof score>)
      if (!isDeepStrictEqual(score[field], reference.scores[i]?.[field]))
        diffs.push(
          `score ${score.fullName}: ${field} ${JSON.stringify(score[field]).slice(0, 300)} vs ${JSON.stringify(reference.scores[i]?.[field]).slice(0, 300)}`,
        );
  process.stdout.write(`${diffs.length} differences; first: \n${diffs.slice(0, 10).join("\n")}\n`);
}
const ok = same && counts && proof.kills === Number(kills) && proof.run.status === "succeeded";
process.stdout.write(ok ? "PROOF HOLDS\n" : "PROOF FAILED\n");
process.exit(ok ? 0 : 1);
