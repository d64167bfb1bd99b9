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
  // Say where the two databases differ (first few differences, down to the leaf), for the report.
  const { killed, reference } = proof.state;
  const diffs: string[] = [];
  const org = firstDifference(killed.org, reference.org);
  if (org) diffs.push(`org snapshot facts: ${org}`);
  for (const [i, repo] of killed.repos.entries()) {
    const d = firstDifference(repo, reference.repos[i]);
    if (d) diffs.push(`repo ${repo.name}: ${d}`);
  }
  for (const [i, score] of killed.scores.entries()) {
    const d = firstDifference(score, reference.scores[i]);
    if (d) diffs.push(`score ${score.fullName}: ${d}`);
  }
  process.stdout.write(`${diffs.length} differences; first: \n${diffs.slice(0, 10).join("\n")}\n`);
}
const ok = same && counts && proof.kills === Number(kills) && proof.run.status === "succeeded";
process.stdout.write(ok ? "PROOF HOLDS\n" : "PROOF FAILED\n");
process.exit(ok ? 0 : 1);

/** The path of the first leaf where `a` and `b` differ, with both values; null when equal. */
function firstDifference(a: unknown, b: unknown, at = ""): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (a && b && typeof a === "object" && typeof b === "object") {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) {
      const d = firstDifference(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        `${at}.${k}`,
      );
      if (d) return d;
    }
  }
  return `${at || "(whole)"} killed=${JSON.stringify(a)?.slice(0, 200)} reference=${JSON.stringify(b)?.slice(0, 200)}`;
}
