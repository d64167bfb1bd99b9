// Threat-model generation after a full sync, for 10× --repos repositories (default
// 10,000), in a child process with the worker's flags (see bench/threat-models-main.ts).
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { BenchGroup, BenchOptions } from "../types";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const resultSchema = z.object({
  repos: z.number(),
  generateSeconds: z.number(),
  regenerateSeconds: z.number(),
  peakRssMB: z.number(),
});

function run(repos: number): Promise<z.infer<typeof resultSchema>> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "--max-old-space-size=512",
        "--conditions=react-server",
        "--import",
        "tsx",
        path.join(ROOT, "bench/threat-models-main.ts"),
        String(repos),
      ],
      { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("BENCH-TM "));
      if (code !== 0 || !line) return reject(new Error(`threat-model bench failed with exit ${code}`));
      resolve(resultSchema.parse(JSON.parse(line.slice("BENCH-TM ".length))));
    });
  });
}

const round = (n: number) => Math.round(n * 10) / 10;

export const group: BenchGroup = {
  name: "threatModels",
  async run(opts: BenchOptions) {
    const r = await run((opts.repos ?? 1000) * 10);
    return {
      "threatModels.generate10k.seconds": round(r.generateSeconds),
      "threatModels.regenerate10k.seconds": round(r.regenerateSeconds),
      "threatModels.peakRssMB": round(r.peakRssMB),
    };
  },
};
