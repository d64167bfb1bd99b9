// The `--format json` document. Its shape is public interface (CI scripts parse it):
// add fields only.
import type { Category } from "../checks/types";
import { CATEGORIES } from "../checks/types";
import type { ReportFinding } from "./findings";

/** The part of lib/scoring's Scores this report reads. */
export interface ScoreSummary {
  categories: Partial<Record<Category, number | null>>;
  overall: number | null;
}

export interface JsonReport {
  tool: "gatehouse";
  version: string;
  findings: Array<{
    check: string;
    category: Category;
    severity: string;
    confidence: string;
    file: string | null;
    line: number | null;
    message: string;
    remediation: string;
  }>;
  scores: Partial<Record<Category, number>> & { overall: number | null };
}

/** Suppressed findings are not listed: they were accepted with a recorded reason. */
export function buildJsonReport(
  version: string,
  findings: ReportFinding[],
  scores: ScoreSummary,
): JsonReport {
  const categoryScores: Partial<Record<Category, number>> = {};
  for (const c of CATEGORIES) {
    const v = scores.categories[c];
    // null: no check of that category applied to a checkout (e.g. identity needs settings).
    if (typeof v === "number") categoryScores[c] = v;
  }
  return {
    tool: "gatehouse",
    version,
    findings: findings
      .filter((f) => f.suppressed === null)
      .map((f) => ({
        check: f.check,
        category: f.category,
        severity: f.severity,
        confidence: f.confidence,
        file: f.file,
        line: f.line,
        message: f.message,
        remediation: f.remediation,
      })),
    scores: { ...categoryScores, overall: scores.overall },
  };
}
