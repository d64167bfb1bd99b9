// Posture history's storage cost: a simulated year of daily scorings (real scoring, real
// write path, seeded churn) in its own process, then the bytes the history tables hold
// per repository and year. --repos N (default 20) sizes the simulated organisation; the
// 10,000-repository figure is extrapolated per repository (rows are per repository), with
// the org's own daily row (one per scoring, whatever the size) added on top.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { BenchGroup, BenchOptions } from "../types";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const sizes = z.record(z.string(), z.number());
const resultSchema = z.object({
  repos: z.number(),
  days: z.number(),
  seconds: z.number(),
  snapshots: z.number(),
  counts: z.object({ repoSnapshots: z.number(), lifetimes: z.number(), orgSnapshots: z.number() }),
  relation: sizes,
  rows: sizes,
  changes: z.number(),
});

function runYear(repos: number, days: number): Promise<z.infer<typeof resultSchema>> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "--conditions=react-server",
        "--import",
        "tsx",
        path.join(ROOT, "bench/history/bench-history-main.ts"),
        String(repos),
        String(days),
      ],
      { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("BENCH-HISTORY "));
      if (code !== 0 || !line) return reject(new Error(`history bench failed with exit ${code}`));
      resolve(resultSchema.parse(JSON.parse(line.slice("BENCH-HISTORY ".length))));
    });
  });
}

export const group: BenchGroup = {
  name: "history",
  async run(opts: BenchOptions) {
    const days = 365;
    const r = await runYear(opts.repos ?? 20, days);
    const perRepo = (r.rows.RepoScoreSnapshot! + r.rows.FindingLifetime!) / r.repos;
    const orgPerYear = (r.rows.OrgScoreSnapshot! / r.days) * 365;
    const perRepoAt10k = perRepo + orgPerYear / 10_000;
    return {
      "history.bytesPerRepoYear": Math.round(perRepoAt10k),
      "history.totalMBPerYearAt10k": Math.round((perRepoAt10k * 10_000) / 1e6),
      // On-disk size of the small simulated org (8 KB pages, so rounding dominates): a cross-check.
      "history.relationBytesPerRepoYear": Math.round(
        (r.relation.RepoScoreSnapshot! + r.relation.FindingLifetime!) / r.repos,
      ),
      "history.repoSnapshotsPerRepoYear": Math.round((r.counts.repoSnapshots / r.repos) * 10) / 10,
      "history.lifetimesPerRepo": Math.round((r.counts.lifetimes / r.repos) * 10) / 10,
      "history.orgSnapshotBytes": Math.round(r.rows.OrgScoreSnapshot! / r.counts.orgSnapshots),
      "history.secondsPerScoring": Math.round((r.seconds / r.days) * 1000) / 1000,
      "history.simulatedRepos": r.repos,
    };
  },
};
