// Sync cost and speed against a generated organisation: the simulator (limits raised, so
// figures are sync's own cost, not GitHub's hourly budget) and the sync worker each run
// in their own process; the worker gets the heap cap it is deployed with. Cost figures
// come from the run's counters, which the integration tests check against the simulator.
// --repos N (default 1000) sizes the "1k" run; the "10k" run is 10×N.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { BenchGroup, BenchOptions } from "../types";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** The worker's deployment flag (see docs/sync.md): bounds the heap V8 lets grow under churn. */
const WORKER_NODE_FLAGS = ["--max-old-space-size=256"];

const resultSchema = z.object({
  repos: z.number(),
  seconds: z.number(),
  restRequests: z.number(),
  graphqlPoints: z.number(),
  resyncUnits: z.number().nullable(),
  peakRssMB: z.number(),
});

function runSync(repos: number, resync: boolean): Promise<z.infer<typeof resultSchema>> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        ...WORKER_NODE_FLAGS,
        "--import",
        "tsx",
        path.join(ROOT, "testing/sync/bench-sync-main.ts"),
        String(repos),
        resync ? "resync" : "full",
      ],
      { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("BENCH-SYNC "));
      if (code !== 0 || !line)
        return reject(new Error(`sync bench (${repos} repos) failed with exit ${code}`));
      resolve(resultSchema.parse(JSON.parse(line.slice("BENCH-SYNC ".length))));
    });
  });
}

const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d;

export const group: BenchGroup = {
  name: "sync",
  async run(opts: BenchOptions) {
    const n = opts.repos ?? 1000;
    const small = await runSync(n, true);
    const big = await runSync(n * 10, false);
    return {
      "sync.full.restPerRepo": round(small.restRequests / n),
      "sync.full.graphqlPointsPerRepo": round(small.graphqlPoints / n),
      "sync.resync.rateLimitUnitsPerRepo": round((small.resyncUnits ?? NaN) / n, 4),
      "sync.full1k.seconds": round(small.seconds, 1),
      "sync.full10k.seconds": round(big.seconds, 1),
      "sync.full10k.peakRssMB": round(big.peakRssMB, 1),
      "sync.peakRssMB": round(Math.max(small.peakRssMB, big.peakRssMB), 1),
    };
  },
};
