// The SOC 2 evidence pack for 10,000 scored repositories (issue 12): seconds and the
// export process's peak RSS, under the worker's heap limit (see bench/evidence).
import { z } from "zod";
import { spawnForResult } from "../spawn-json";
import type { BenchGroup } from "../types";

const resultSchema = z.object({
  repos: z.number(),
  seconds: z.number(),
  cpuSeconds: z.number(),
  sizeMB: z.number(),
  exportedRepos: z.number(),
  peakRssMB: z.number(),
});
const round = (n: number) => Math.round(n * 10) / 10;

export const group: BenchGroup = {
  name: "evidence",
  async run() {
    // Always the full 10,000: the figures are named for it, so they are never extrapolated.
    const r = resultSchema.parse(
      await spawnForResult("bench/evidence/export-main.ts", ["10000"], "BENCH-EVIDENCE"),
    );
    if (r.exportedRepos !== r.repos)
      throw new Error(`exported ${r.exportedRepos} of ${r.repos} repositories`);
    return {
      "evidence.export10k.seconds": round(r.seconds),
      "evidence.export10k.cpuSeconds": round(r.cpuSeconds),
      "evidence.export10k.peakRssMB": round(r.peakRssMB),
      "evidence.export10k.zipMB": round(r.sizeMB),
    };
  },
};
