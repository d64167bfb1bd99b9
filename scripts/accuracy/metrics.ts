// Recall and false-positive share per check over labelled cases.
//   recall = expected cases where the check reported / expected cases
//   fpShare = clean cases where the check reported / all judged cases where it reported
import type { CaseLabels } from "./labels";

export interface CaseResult {
  file: string;
  labels: CaseLabels;
  /** Checks that reported at least one finding in this file. */
  reported: ReadonlySet<string>;
}

export interface CheckScore {
  check: string;
  expected: number;
  found: number;
  clean: number;
  falsePositives: number;
  recall: number | null;
  fpShare: number | null;
  misses: string[];
  falsePositiveFiles: string[];
}

export function scoreCases(results: readonly CaseResult[]): CheckScore[] {
  const by = new Map<string, CheckScore>();
  const score = (check: string): CheckScore => {
    let s = by.get(check);
    if (!s) {
      s = {
        check,
        expected: 0,
        found: 0,
        clean: 0,
        falsePositives: 0,
        recall: null,
        fpShare: null,
        misses: [],
        falsePositiveFiles: [],
      };
      by.set(check, s);
    }
    return s;
  };
  for (const r of results) {
    for (const id of r.labels.expect) {
      const s = score(id);
      s.expected++;
      if (r.reported.has(id)) s.found++;
      else s.misses.push(r.file);
    }
    for (const id of r.labels.clean) {
      const s = score(id);
      s.clean++;
      if (r.reported.has(id)) {
        s.falsePositives++;
        s.falsePositiveFiles.push(r.file);
      }
    }
  }
  for (const s of by.values()) {
    s.recall = s.expected === 0 ? null : s.found / s.expected;
    const flagged = s.found + s.falsePositives;
    s.fpShare = flagged === 0 ? null : s.falsePositives / flagged;
  }
  return [...by.values()].sort((a, b) => a.check.localeCompare(b.check));
}

/** Totals over all checks (micro-averaged). */
export function overall(scores: readonly CheckScore[]): { recall: number | null; fpShare: number | null } {
  const expected = scores.reduce((n, s) => n + s.expected, 0);
  const found = scores.reduce((n, s) => n + s.found, 0);
  const fps = scores.reduce((n, s) => n + s.falsePositives, 0);
  return {
    recall: expected === 0 ? null : found / expected,
    fpShare: found + fps === 0 ? null : fps / (found + fps),
  };
}
