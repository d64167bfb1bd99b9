// `gatehouse scan <dir>`: walk the checkout, run the workflow and file checks, print a
// report. Checks that need settings, alerts or the registry cannot be judged from files
// and are left out of the output instead of being shown as unknown noise.
import { readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { catalogue } from "@/lib/checks/catalogue";
import { inputErrors, undecidedChecks } from "@/lib/checks/input-errors";
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
import { withNotifications } from "./notifications";
import { onlineActionFacts } from "./online";
import { UsageError } from "./usage-error";

const SCAN_SOURCES: Source[] = ["wf", "files"];

export interface ScanIO {
  stdout: { write(chunk: string): unknown };
  stderr: ProgressStream;
  now?: () => Date;
}

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
  // Online mode adds what GitHub knows about the actions used; offline, the checks that
  // need it report unknown with the reason instead of passing.
  const online = await onlineActionFacts(flags, walked.files);
  const facts = { ...filesOnlyFacts("local", name, walked.files, walked.paths), ...online };
  const now = io.now?.() ?? new Date();
  const ctx = makeCheckContext(defaultPolicy, `local/${name}`, now);
  const checks = selectChecks({ only: SCAN_SOURCES });
  const all = await runChecksAsync(facts, ctx, { checks });
  // Unknown results are not scored, but they are reported with their reason (never silent).
  const results = all.filter((r) => r.status !== "unknown");
  const errors = inputErrors(facts);
  const undecided = undecidedChecks(all);
  const scores = scoreResults(results, defaultPolicy);
  const findings = reportFindings(results);
  const problems = collectSuppressionProblems(walked.files, new Set(catalogue.map((c) => c.id)));
  // Files that could not be analysed (hostile or broken YAML, a malformed Dockerfile or
  // manifest) are reported by path, with the parser's bounded reason, next to the files
  // the walk skipped.
  const skippedPaths = new Set(walked.skipped.map((s) => s.path));
  const skipped = [
    ...walked.skipped,
    ...errors
      .filter((e) => !skippedPaths.has(e.file))
      .map((e) => ({
        path: e.file,
        reason: (e.line ? `line ${e.line}: ${e.reason}` : e.reason).slice(0, 300),
      })),
  ];

  let report: string;
  if (flags.format === "json")
    report =
      JSON.stringify({ ...buildJsonReport(version, findings, scores), errors, unknown: undecided }, null, 2) +
      "\n";
  else if (flags.format === "sarif")
    report =
      JSON.stringify(
        withNotifications(
          buildSarif({ version, rules: checks, findings, problems, skipped: walked.skipped }),
          checks,
          // A file the walk skipped already has its note; one notification per file.
          errors.filter((e) => !skippedPaths.has(e.file)),
          undecided,
        ),
        null,
        2,
      ) + "\n";
  else
    report = formatTable({
      version,
      target: flags.dir,
      filesScanned: walked.files.length,
      skipped,
      findings,
      scores,
      problems,
    });

  if (flags.format !== "table") {
    for (const p of problems) io.stderr.write(`gatehouse: warning: ${p.file}:${p.line}: ${p.message}\n`);
  }
  for (const e of errors)
    io.stderr.write(
      `gatehouse: warning: ${e.file}${e.line ? `:${e.line}` : ""}: not analysed: ${e.reason}\n`,
    );
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
