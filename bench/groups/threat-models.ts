// Threat-model generation after a full sync for 10,000 repositories, in a child process
// with the worker's flags (see bench/threat-models-main.ts).
import { z } from "zod";
import { spawnForResult } from "../spawn-json";
import type { BenchGroup } from "../types";

const resultSchema = z.object({
  repos: z.number(),
  generateSeconds: z.number(),
  generateCpuSeconds: z.number(),
  regenerateSeconds: z.number(),
  regenerateCpuSeconds: z.number(),
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
      "threatModels.generate10k.cpuSeconds": round(r.generateCpuSeconds),
      "threatModels.regenerate10k.seconds": round(r.regenerateSeconds),
      "threatModels.regenerate10k.cpuSeconds": round(r.regenerateCpuSeconds),
      "threatModels.peakRssMB": round(r.peakRssMB),
      "threatModels.repos": r.repos,
    };
  },
};
