// How the repository page orders results: failing checks grouped by category (in the
// catalogue's category order) and then by severity, worst first; everything else listed
// compactly by status. Checks that pass only through suppressions are listed with the
// failures' neighbours ("accepted"), since their findings still deserve to be seen.
import { CATEGORIES, SEVERITIES, type Category, type CheckResult, type Severity } from "@/lib/checks/types";

export interface CategoryGroup<R> {
  category: Category;
  bySeverity: Array<{ severity: Severity; results: R[] }>;
}

export interface GroupedResults<R> {
  failing: CategoryGroup<R>[];
  accepted: R[];
  pass: R[];
  unknown: R[];
  notApplicable: R[];
}

const hasSuppressed = (r: CheckResult) => r.findings.some((f) => f.suppressed);

export function groupResults<R extends CheckResult>(results: R[]): GroupedResults<R> {
  const failing: CategoryGroup<R>[] = [];
  for (const category of CATEGORIES) {
    const inCategory = results.filter((r) => r.category === category && r.status === "fail");
    const bySeverity = SEVERITIES.map((severity) => ({
      severity,
      results: inCategory.filter((r) => r.severity === severity),
    })).filter((g) => g.results.length > 0);
    if (bySeverity.length > 0) failing.push({ category, bySeverity });
  }
  return {
    failing,
    accepted: results.filter((r) => r.status === "pass" && hasSuppressed(r)),
    pass: results.filter((r) => r.status === "pass" && !hasSuppressed(r)),
    unknown: results.filter((r) => r.status === "unknown"),
    notApplicable: results.filter((r) => r.status === "not-applicable"),
  };
}
