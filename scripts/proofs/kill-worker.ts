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
  log: (line) => process.stdout.write(`${line}\n`),
});
const same = isDeepStrictEqual(proof.state.killed, proof.state.reference);
const counts = isDeepStrictEqual(proof.counts.killed, proof.counts.reference);
process.stdout.write(
  `${JSON.stringify({ kills: proof.kills, run: proof.run, batchAttempts: proof.batchAttempts, counts: proof.counts, sameState: same }, null, 2)}\n`,
);
const ok = same && counts && proof.kills === Number(kills) && proof.run.status === "succeeded";
process.stdout.write(ok ? "PROOF HOLDS\n" : "PROOF FAILED\n");
process.exit(ok ? 0 : 1);
