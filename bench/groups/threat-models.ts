// Threat-model generation after a full sync for 10,000 repositories, in a child process
// with the worker's flags (see bench/threat-models-main.ts).
import { z } from "zod";
import { spawnForResult } from "../spawn-json";
import type { BenchGroup } from "../types";

const resultSchema = z.object({
  repos: z.number(),
  generateSeconds: z.number(),
  regenerateSeconds: z.number(),
  peakRssMB: z.number(),
});

const round = (n: number) => Math.round(n * 10) / 10;

export const group: BenchGroup = {
  name: "threatModels",
  async run() {
    // Always the full 10,000 (not --repos): the figures are named for it, so the bench
    // generates every model rather than extrapolating from a sample.
    const r = resultSchema.parse(
      await spawnForResult("bench/threat-models-main.ts", ["10000"], "BENCH-TM", [
        "--max-old-space-size=512",
      ]),
    );
    return {
      "threatModels.generate10k.seconds": round(r.generateSeconds),
      "threatModels.regenerate10k.seconds": round(r.regenerateSeconds),
      "threatModels.peakRssMB": round(r.peakRssMB),
      "threatModels.repos": r.repos,
    };
  },
};
