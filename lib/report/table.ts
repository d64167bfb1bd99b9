// Human-readable output for a terminal: findings grouped by severity, each with where it
// is and the exact fix, then the suppressed count and the scores.
import type { Severity } from "../checks/types";
import { CATEGORIES, SEVERITIES } from "../checks/types";
import type { SuppressionProblem } from "../checks/suppressions";
import type { ReportFinding } from "./findings";
import type { ScoreSummary } from "./json";

export interface TableInput {
  version: string;
  target: string;
  filesScanned: number;
  skipped: Array<{ path: string; reason: string }>;
  findings: ReportFinding[];
  scores: ScoreSummary & { grade?: string | null };
  problems: SuppressionProblem[];
}

export function formatTable(input: TableInput): string {
  const out: string[] = [];
  out.push(`gatehouse ${input.version} — ${input.target} (${input.filesScanned} files analysed)`);
  const open = input.findings.filter((f) => f.suppressed === null);
  if (open.length === 0) out.push("", "No findings.");
  for (const severity of SEVERITIES) {
    const group = open.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    out.push("", `${heading(severity)} (${group.length})`);
    for (const f of group) out.push(...formatFinding(f));
  }
  const suppressed = input.findings.filter((f) => f.suppressed !== null);
  if (suppressed.length > 0) {
    const inline = suppressed.filter((f) => f.suppressed?.by === "inline").length;
    out.push(
      "",
      `Suppressed: ${suppressed.length} (inline ${inline}, policy exception ${suppressed.length - inline})`,
    );
  }
  if (input.problems.length > 0) {
    out.push("", "Suppression problems:");
    for (const p of input.problems) out.push(`  ${p.file}:${p.line}  ${p.message}`);
  }
  if (input.skipped.length > 0) {
    out.push("", `Skipped ${input.skipped.length} file(s):`);
    for (const s of input.skipped.slice(0, 20)) out.push(`  ${s.path}  (${s.reason})`);
    if (input.skipped.length > 20) out.push(`  … and ${input.skipped.length - 20} more`);
  }
  out.push("", formatScores(input.scores));
  return out.join("\n") + "\n";
}

function heading(s: Severity): string {
  return s.toUpperCase();
}

function formatFinding(f: ReportFinding): string[] {
  const where = f.file !== null ? `${f.file}:${f.line ?? 1}` : (f.field ?? "");
  const lines = [`  ${f.check}  ${where}  [${f.category}, confidence ${f.confidence}]`, `    ${f.message}`];
  if (f.snippet) lines.push(`    > ${f.snippet.trim()}`);
  const [first = "", ...rest] = f.remediation.split("\n");
  lines.push(`    fix: ${first}`, ...rest.map((l) => `         ${l}`));
  return lines;
}

function formatScores(scores: TableInput["scores"]): string {
  const parts: string[] = [];
  for (const c of CATEGORIES) {
    const v = scores.categories[c];
    if (typeof v === "number") parts.push(`${c} ${Math.round(v)}`);
  }
  const overall = scores.overall === null ? "n/a" : String(Math.round(scores.overall));
  const grade = scores.grade ? ` (grade ${scores.grade})` : "";
  return `Scores: ${parts.join(" · ")}${parts.length ? " · " : ""}overall ${overall}${grade}`;
}
