// `gatehouse scan <dir>`: walk the checkout, run the workflow and file checks, print a
// report. Checks that need settings, alerts or the registry cannot be judged from files
// and are left out of the output instead of being shown as unknown noise.
import { readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { catalogue } from "@/lib/checks/catalogue";
import { runChecksAsync, selectChecks } from "@/lib/checks/run-checks";
import { collectSuppressionProblems } from "@/lib/checks/suppressions";
import type { Source } from "@/lib/checks/types";
import { filesOnlyFacts } from "@/lib/facts/types";
import { defaultPolicy, makeCheckContext } from "@/lib/policy";
import { reportFindings } from "@/lib/report/findings";
import { buildJsonReport } from "@/lib/report/json";
import { buildSarif } from "@/lib/report/sarif";
import { atOrAbove } from "@/lib/report/severity";
import { formatTable } from "@/lib/report/table";
import { scoreResults } from "@/lib/scoring";
import type { ScanFlags } from "./args";
import { makeIgnoreMatcher, parseIgnoreFile } from "./ignore";
import type { ProgressStream } from "./progress";
import { makeProgress } from "./progress";
import { walkCheckout } from "./walk";

const SCAN_SOURCES: Source[] = ["wf", "files"];

export interface ScanIO {
  stdout: { write(chunk: string): unknown };
  stderr: ProgressStream;
  now?: () => Date;
}

export class UsageError extends Error {}

export async function runScan(flags: ScanFlags, io: ScanIO, version: string): Promise<number> {
  const root = path.resolve(flags.dir);
  const info = await stat(root).catch(() => null);
  if (!info?.isDirectory()) throw new UsageError(`not a directory: ${flags.dir}`);

  const ignoreText = await readFile(path.join(root, ".gatehouseignore"), "utf8").catch(() => "");
  const isIgnored = makeIgnoreMatcher([...parseIgnoreFile(ignoreText), ...flags.exclude]);
  const progress = makeProgress(io.stderr);
  const walked = await walkCheckout(root, {
    maxFileBytes: flags.maxFileKb * 1024,
    isIgnored,
    onProgress: progress.update,
  });
  progress.finish();

  const name = path.basename(root);
  const facts = filesOnlyFacts("local", name, walked.files, walked.paths);
  const now = io.now?.() ?? new Date();
  const ctx = makeCheckContext(defaultPolicy, `local/${name}`, now);
  const checks = selectChecks({ only: SCAN_SOURCES });
  const results = (await runChecksAsync(facts, ctx, { checks })).filter((r) => r.status !== "unknown");
  const scores = scoreResults(results, defaultPolicy);
  const findings = reportFindings(results);
  const problems = collectSuppressionProblems(walked.files, new Set(catalogue.map((c) => c.id)));

  let report: string;
  if (flags.format === "json")
    report = JSON.stringify(buildJsonReport(version, findings, scores), null, 2) + "\n";
  else if (flags.format === "sarif")
    report =
      JSON.stringify(
        buildSarif({ version, rules: checks, findings, problems, skipped: walked.skipped }),
        null,
        2,
      ) + "\n";
  else
    report = formatTable({
      version,
      target: flags.dir,
      filesScanned: walked.files.length,
      skipped: walked.skipped,
      findings,
      scores,
      problems,
    });

  if (flags.format !== "table") {
    for (const p of problems) io.stderr.write(`gatehouse: warning: ${p.file}:${p.line}: ${p.message}\n`);
  }
  if (flags.output) {
    await writeFile(flags.output, report).catch((err: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot write --output ${flags.output}: ${err.code ?? err.message}`);
    });
  } else io.stdout.write(report);

  const threshold = flags.failOn;
  const failing = threshold
    ? findings.some((f) => f.suppressed === null && atOrAbove(f.severity, threshold))
    : false;
  return failing ? 1 : 0;
}
