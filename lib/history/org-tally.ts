// The organisation's snapshot, accumulated page by page while scoring (no second read of
// 10,000 score rows). Pure. Org-level settings findings are collected once, by fingerprint,
// and kept out of the per-repository counts: one org-2fa setting is one finding, not one
// per repository.
import type { Severity } from "../checks/types";
import type { CheckResult } from "../checks/types";
import { effectiveStatus, gradeFor, type Grade } from "../scoring/index";
import type { FailingInstance } from "./instances";

export const CATEGORY_KEYS = ["identity", "secrets", "supplyChain", "integrity", "changeControl"] as const;
export type CategoryKey = (typeof CATEGORY_KEYS)[number];
const GRADES: Grade[] = ["A", "B", "C", "D", "F"];

export interface TallyRow extends Record<CategoryKey, number | null> {
  overall: number | null;
  grade: Grade | null;
  coverage: number;
  results: CheckResult[];
}

export interface OrgSnapshotData extends Record<CategoryKey, number | null> {
  overall: number | null;
  grade: Grade | null;
  coverage: number | null;
  repositories: number;
  distribution: Record<Grade | "ungraded", number>;
  counts: Record<"failingCritical" | "failingHigh" | "failingMedium" | "failingLow" | "findings", number>;
  /** checkId → [failing repositories, passing, unknown]. */
  checks: Record<string, [number, number, number]>;
  orgFindings: Array<{
    fingerprint: string;
    checkId: string;
    severity: Severity;
    field: string;
    message: string;
  }>;
}

const round1 = (v: number) => Math.round(v * 10) / 10;
const mean = (sum: number, n: number) => (n === 0 ? null : round1(sum / n));

export function createOrgTally() {
  const sums = { overall: [0, 0], coverage: [0, 0] } as Record<string, [number, number]>;
  for (const k of CATEGORY_KEYS) sums[k] = [0, 0];
  const distribution = { A: 0, B: 0, C: 0, D: 0, F: 0, ungraded: 0 } as OrgSnapshotData["distribution"];
  const counts: OrgSnapshotData["counts"] = {
    failingCritical: 0,
    failingHigh: 0,
    failingMedium: 0,
    failingLow: 0,
    findings: 0,
  };
  const checks: OrgSnapshotData["checks"] = {};
  const orgFindings = new Map<string, OrgSnapshotData["orgFindings"][number]>();
  let repositories = 0;
  const add = (key: string, value: number | null) => {
    if (value === null) return;
    sums[key]![0] += value;
    sums[key]![1] += 1;
  };
  const bump = (checkId: string, slot: 0 | 1 | 2) => {
    (checks[checkId] ??= [0, 0, 0])[slot] += 1;
  };

  return {
    add(row: TallyRow, instances: FailingInstance[]) {
      repositories += 1;
      add("overall", row.overall);
      add("coverage", row.coverage);
      for (const k of CATEGORY_KEYS) add(k, row[k]);
      if (row.grade && GRADES.includes(row.grade)) distribution[row.grade] += 1;
      else distribution.ungraded += 1;
      const repoFailing = new Set<string>();
      for (const i of instances) {
        if (i.orgLevel) {
          orgFindings.set(i.fingerprint, {
            fingerprint: i.fingerprint,
            checkId: i.checkId,
            severity: i.severity,
            field: i.location.replace(/^api:/, ""),
            message: i.message,
          });
          continue;
        }
        counts.findings += 1;
        repoFailing.add(i.checkId);
      }
      for (const result of row.results) {
        const status = effectiveStatus(result);
        if (repoFailing.has(result.checkId)) {
          bump(result.checkId, 0);
          const severity = result.severity;
          if (severity === "critical") counts.failingCritical += 1;
          else if (severity === "high") counts.failingHigh += 1;
          else if (severity === "medium") counts.failingMedium += 1;
          else counts.failingLow += 1;
        } else if (status === "pass") bump(result.checkId, 1);
        // A failure made only of org-level findings is the organisation's, counted in orgFindings.
        else if (status === "unknown") bump(result.checkId, 2);
      }
    },
    result(): OrgSnapshotData {
      const overall = mean(sums.overall![0], sums.overall![1]);
      const coverage =
        sums.coverage![1] === 0 ? null : Math.round((sums.coverage![0] / sums.coverage![1]) * 1000) / 1000;
      const cats = Object.fromEntries(
        CATEGORY_KEYS.map((k) => [k, mean(sums[k]![0], sums[k]![1])]),
      ) as Record<CategoryKey, number | null>;
      return {
        ...cats,
        overall,
        grade: gradeFor(overall),
        coverage,
        repositories,
        distribution,
        counts,
        checks,
        orgFindings: [...orgFindings.values()].sort((a, b) => a.checkId.localeCompare(b.checkId)),
      };
    },
  };
}
