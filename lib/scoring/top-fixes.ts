// The changes that raise a repository's score most: for each open failure, the overall
// score it would have if that check passed. Pure: the gain is scoreResults' own arithmetic,
// so the list always agrees with the score shown.
import type { CheckResult, Policy } from "../checks/types";
import { effectiveStatus, scoreResults } from "./score";

export interface TopFix {
  checkId: string;
  category: CheckResult["category"];
  /** Overall points gained (one decimal) if this check passed. */
  gain: number;
  /** The overall score after the fix. */
  overallAfter: number | null;
}

export function topFixes(results: CheckResult[], policy: Policy, limit = 5): TopFix[] {
  const before = scoreResults(results, policy).overall ?? 0;
  const fixes: TopFix[] = [];
  results.forEach((result, index) => {
    if (effectiveStatus(result) !== "fail") return;
    const fixed = results.map((r, i) => (i === index ? { ...r, status: "pass" as const, findings: [] } : r));
    const after = scoreResults(fixed, policy).overall;
    const gain = Math.round(((after ?? 0) - before) * 10) / 10;
    fixes.push({ checkId: result.checkId, category: result.category, gain, overallAfter: after });
  });
  return fixes
    .filter((fix) => fix.gain > 0)
    .sort((a, b) => b.gain - a.gain || a.checkId.localeCompare(b.checkId))
    .slice(0, limit);
}
