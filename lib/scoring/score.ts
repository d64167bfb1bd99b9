// Scores are a pure function of the check results and the policy.
//
//   category score = 100 × (1 − Σ weight(failed) / Σ weight(applicable))
//
// - applicable = pass + fail; not-applicable and unknown are left out entirely, so a
//   token without admin rights lowers `coverage`, never the score.
// - weight(check) = policy.weights[check severity] (Scorecard: 10 / 7.5 / 5 / 2.5).
// - A failed check weighs as its most severe open finding, capped at the check's own
//   severity, in the numerator AND the denominator: unpinned-action (high) failing only
//   on GitHub-owned actions (medium findings) counts as a failed medium check. Using the
//   same weight on both sides keeps the score monotone: adding a failure, or turning a
//   pass into a failure, never raises it. A failure without findings weighs in full.
// - A failed check whose findings are ALL suppressed (inline ignore or an active
//   policy exception) counts as a pass: the risk was accepted on the record, and the
//   suppression stays visible in `counts.suppressed` and on the findings themselves.
// - A category with nothing applicable is null (not 100: nothing was proven).
// - overall = mean of the non-null categories; grade A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60,
//   else F (on the rounded overall, so the grade always agrees with the number shown).
// - Rounding: half away from zero to one decimal. Weights are summed per severity and
//   multiplied once, so the result does not depend on the order of `results`.
import { CATEGORIES, SEVERITIES } from "../checks/types";
import type { Category, CheckResult, Policy, Severity, Status } from "../checks/types";
import type { Grade, ScoreCounts, Scores } from "./types";

export const GRADE_THRESHOLDS: ReadonlyArray<readonly [Grade, number]> = [
  ["A", 90],
  ["B", 80],
  ["C", 70],
  ["D", 60],
];

const SEVERITY_RANK: Record<Severity, number> = { critical: 3, high: 2, medium: 1, low: 0 };

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * factor + 1e-9)) / factor;
  return rounded === 0 ? 0 : rounded; // no -0 in JSON-equal comparisons
}

export function gradeFor(overall: number | null): Grade | null {
  if (overall === null) return null;
  for (const [grade, threshold] of GRADE_THRESHOLDS) if (overall >= threshold) return grade;
  return "F";
}

function suppressedCount(result: CheckResult): number {
  let n = 0;
  for (const finding of result.findings) if (finding.suppressed !== undefined) n += 1;
  return n;
}

/** One or more findings, every one suppressed. */
function allSuppressed(findings: number, suppressed: number): boolean {
  return findings > 0 && suppressed === findings;
}

/**
 * The status scoring uses, from a result's status and finding counts: a fail whose findings
 * are all suppressed is a pass. Readers that count findings in SQL instead of loading them
 * (the threat-model page) apply the rule through this.
 */
export function effectiveStatusOf(status: Status, findings: number, suppressed: number): Status {
  return status === "fail" && allSuppressed(findings, suppressed) ? "pass" : status;
}

/** The status scoring uses: a fail whose findings are all suppressed is a pass. */
export function effectiveStatus(result: CheckResult): Status {
  return effectiveStatusOf(result.status, result.findings.length, suppressedCount(result));
}

/** Severity a failure costs: the worst open finding, never above the check's own. */
function failureSeverity(result: CheckResult): Severity {
  let worst: Severity | null = null;
  for (const finding of result.findings) {
    if (finding.suppressed) continue;
    const severity = finding.severity ?? result.severity;
    if (worst === null || SEVERITY_RANK[severity] > SEVERITY_RANK[worst]) worst = severity;
  }
  if (worst === null || SEVERITY_RANK[worst] > SEVERITY_RANK[result.severity]) return result.severity;
  return worst;
}

type Tally = Record<Severity, number>;
const emptyTally = (): Tally => ({ critical: 0, high: 0, medium: 0, low: 0 });
const weigh = (tally: Tally, policy: Policy): number =>
  SEVERITIES.reduce((sum, severity) => sum + tally[severity] * policy.weights[severity], 0);

export function scoreResults(results: CheckResult[], policy: Policy): Scores {
  const applicable = new Map<Category, Tally>(CATEGORIES.map((category) => [category, emptyTally()]));
  const failed = new Map<Category, Tally>(CATEGORIES.map((category) => [category, emptyTally()]));
  const counts: ScoreCounts = { total: 0, pass: 0, fail: 0, notApplicable: 0, unknown: 0, suppressed: 0 };

  for (const result of results) {
    counts.total += 1;
    const status = effectiveStatus(result);
    if (status === "not-applicable") counts.notApplicable += 1;
    else if (status === "unknown") counts.unknown += 1;
    else if (status === "pass") counts.pass += 1;
    else counts.fail += 1;
    // The runner may already have turned an all-suppressed failure into a pass.
    if (
      status === "pass" &&
      (result.status === "fail" || allSuppressed(result.findings.length, suppressedCount(result)))
    )
      counts.suppressed += 1;

    const applicableTally = applicable.get(result.category);
    const failedTally = failed.get(result.category);
    if (!applicableTally || !failedTally) continue; // a category outside the contract cannot be scored
    if (status === "pass") applicableTally[result.severity] += 1;
    if (status === "fail") {
      const severity = failureSeverity(result);
      applicableTally[severity] += 1;
      failedTally[severity] += 1;
    }
  }

  const raw = {} as Record<Category, number | null>;
  const categories = {} as Record<Category, number | null>;
  for (const category of CATEGORIES) {
    const denominator = weigh(applicable.get(category) ?? emptyTally(), policy);
    const value =
      denominator > 0 ? 100 * (1 - weigh(failed.get(category) ?? emptyTally(), policy) / denominator) : null;
    raw[category] = value === null ? null : Math.min(100, Math.max(0, value));
    categories[category] = raw[category] === null ? null : round(raw[category], 1);
  }

  const present = CATEGORIES.map((category) => raw[category]).filter(
    (value): value is number => value !== null,
  );
  const overall =
    present.length > 0 ? round(present.reduce((sum, value) => sum + value, 0) / present.length, 1) : null;
  const coverage = counts.total > 0 ? round((counts.total - counts.unknown) / counts.total, 3) : 0;

  return { categories, overall, grade: gradeFor(overall), coverage, counts };
}
