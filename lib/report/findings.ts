// Flattens check results into one row per finding, the shape every output format starts
// from. Unknown results are left out: they carry no verdict (e.g. settings a checkout lacks).
import type { Category, CheckResult, Confidence, Finding, Severity } from "../checks/types";
import { SEVERITY_RANK } from "./severity";

export interface ReportFinding {
  check: string;
  category: Category;
  severity: Severity;
  confidence: Confidence;
  file: string | null;
  line: number | null;
  /** The API field when the evidence is not a file. */
  field: string | null;
  snippet: string | null;
  message: string;
  remediation: string;
  suppressed: Finding["suppressed"] | null;
}

export function reportFindings(results: CheckResult[]): ReportFinding[] {
  const rows: ReportFinding[] = [];
  for (const r of results) {
    if (r.status === "unknown") continue;
    for (const f of r.findings) {
      const ev = f.evidence;
      rows.push({
        check: r.checkId,
        category: r.category,
        severity: f.severity ?? r.severity,
        confidence: f.confidence,
        file: ev.kind === "file" ? ev.file : null,
        line: ev.kind === "file" ? ev.line : null,
        field: ev.kind === "api" ? ev.field : null,
        snippet: ev.kind === "file" ? ev.snippet : null,
        message: f.message,
        remediation: f.remediation,
        suppressed: f.suppressed ?? null,
      });
    }
  }
  return rows.sort(compareFindings);
}

function compareFindings(a: ReportFinding, b: ReportFinding): number {
  return (
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    (a.file ?? "").localeCompare(b.file ?? "") ||
    (a.line ?? 0) - (b.line ?? 0) ||
    a.check.localeCompare(b.check)
  );
}
