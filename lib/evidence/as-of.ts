// A repository's results at a past date, rebuilt from its history snapshot (pure). History
// keeps, per scoring that changed something, the failing instances (with their check,
// severity and location through their lifetimes) and which checks passed, plainly or by
// an exception. So at that date a check is: failing if one of its instances was; a pass
// or an exception if the snapshot lists it; otherwise unknown. Never a pass by default:
// a check that was unknown or not applicable then, or a snapshot older than the passing
// lists, shows unknown.
import type { EvidenceResult } from "./input";

export interface CheckMeta {
  id: string;
  severity: EvidenceResult["severity"];
  remediation: string;
}

export interface SnapshotAsOf {
  takenAt: Date;
  /** The failing instances of the snapshot, resolved through their lifetimes. */
  failing: Array<{
    checkId: string;
    severity: EvidenceResult["severity"];
    location: string;
    line: number | null;
  }>;
  passing: readonly string[];
  waived: readonly string[];
}

type ExceptionAsOf = NonNullable<EvidenceResult["exception"]>;

export function resultsAsOf(
  checks: readonly CheckMeta[],
  snapshot: SnapshotAsOf,
  /** The policy exception in force at the date for this check on this repository, if any. */
  exceptionFor: (checkId: string) => ExceptionAsOf | undefined,
): EvidenceResult[] {
  const taken = snapshot.takenAt.toISOString();
  const passing = new Set(snapshot.passing);
  const waived = new Set(snapshot.waived);
  return checks.map((c): EvidenceResult => {
    const failing = snapshot.failing.filter((f) => f.checkId === c.id);
    const base = { check: c.id, severity: c.severity, evidence: [] as string[] };
    if (failing.length > 0)
      return {
        ...base,
        status: "fail",
        findings: failing.map((f) => ({
          message: `failing at the scoring of ${taken}`,
          location: f.line === null ? f.location : `${f.location}:${f.line}`,
          remediation: c.remediation,
          suppressed: false,
        })),
        reason: `history: failing instances at the scoring of ${taken}`,
      };
    if (passing.has(c.id))
      return { ...base, status: "pass", findings: [], reason: `history: passed at the scoring of ${taken}` };
    if (waived.has(c.id))
      return {
        ...base,
        status: "exception",
        findings: [],
        reason: `history: passed by a suppression at the scoring of ${taken}`,
        exception: exceptionFor(c.id) ?? { by: "inline", justification: "suppressed in the repository" },
      };
    return {
      ...base,
      status: "unknown",
      findings: [],
      reason: `history: no record of a pass or failure at the scoring of ${taken}`,
    };
  });
}
