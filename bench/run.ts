// `npm run bench [-- --only <group>] [--repos N] [--files N] [--sample N] [--out file]`:
// runs each registered group in a child process, prints a table and merges the figures
// into bench-results.json (one key per figure; groups not run keep their last figures).
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { z } from "zod";
import { groupNames } from "./registry";
import type { BenchOptions } from "./types";
import { RESULT_PREFIX } from "./types";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const count = z.coerce.number().int().positive();
const FlagsSchema = z.object({
  only: z.string().optional(),
  repos: count.optional(),
  files: count.optional(),
  sample: count.optional(),
  out: z.string().default(path.join(ROOT, "bench-results.json")),
});

function runGroup(name: string, opts: BenchOptions): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.join(ROOT, "bench/child.ts"), name, JSON.stringify(opts)],
      {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const line = out.split("\n").find((l) => l.startsWith(RESULT_PREFIX));
      if (code !== 0 || !line) return reject(new Error(`bench group ${name} failed (exit ${code})`));
      resolve(z.record(z.string(), z.number()).parse(JSON.parse(line.slice(RESULT_PREFIX.length))));
    });
  });
}

export function formatFigures(figures: Record<string, number>): string {
  const width = Math.max(...Object.keys(figures).map((k) => k.length), 6);
  const rows = Object.entries(figures).map(
    ([k, v]) => `${k.padEnd(width)}  ${v.toLocaleString("en-US", { maximumFractionDigits: 2 })}`,
  );
  return [`${"figure".padEnd(width)}  value`, `${"-".repeat(width)}  -----`, ...rows].join("\n");
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: "string" },
      repos: { type: "string" },
      files: { type: "string" },
      sample: { type: "string" },
      out: { type: "string" },
    },
    strict: true,
  });
  const flags = FlagsSchema.parse(values);
  const names = flags.only ? [flags.only] : groupNames();
  const unknown = names.filter((n) => !groupNames().includes(n));
  if (unknown.length)
    throw new Error(`unknown group ${unknown.join(", ")}; known: ${groupNames().join(", ")}`);

  const figures: Record<string, number> = {};
  for (const name of names) {
    process.stderr.write(`bench: running ${name}…\n`);
    Object.assign(
      figures,
      await runGroup(name, { repos: flags.repos, files: flags.files, sample: flags.sample }),
    );
  }
  const previous = existsSync(flags.out)
    ? (JSON.parse(readFileSync(flags.out, "utf8")) as Record<string, number>)
    : {};
  const kept = Object.fromEntries(
    Object.entries(previous).filter(([k]) => !names.some((n) => k.startsWith(`${n}.`))),
  );
  writeFileSync(flags.out, JSON.stringify({ ...kept, ...figures }, null, 2) + "\n");
  process.stdout.write(
    `${formatFigures(figures)}\n\nwrote ${path.relative(process.cwd(), flags.out) || flags.out}\n`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
