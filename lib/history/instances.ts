// The failing check instances of one scoring, each with a stable fingerprint. Pure.
//
// Fingerprints are defined once, in lib/checks/fingerprint.ts (see there).
import type { CheckResult, Severity } from "../checks/types";
import { effectiveStatus } from "../scoring/score";
import { isOrgLevel } from "../checks/org-level";
import { findingFingerprints, fingerprintOf, locationOf } from "../checks/fingerprint";

export interface FailingInstance {
  fingerprint: string;
  checkId: string;
  severity: Severity;
  /** "file:<path>" or "api:<field>" ("check" for a failure without findings). */
  location: string;
  line: number | null;
  /** An organisation setting (org-2fa, base permission, the org's Actions policy). */
  orgLevel: boolean;
  message: string;
}

export { isOrgLevel };

/**
 * Every unsuppressed finding of every failing check, fingerprinted. A failing check with
 * no findings (or only suppressed ones while still failing) counts as one instance at
 * "check". Accepted (suppressed) findings are not failing and get no instance.
 */
export function failingInstances(
  results: CheckResult[],
  scope: { repositoryId: string; organizationId: string },
): FailingInstance[] {
  const out: FailingInstance[] = [];
  for (const result of results) {
    if (effectiveStatus(result) !== "fail") continue;
    const open = result.findings.filter((f) => !f.suppressed);
    if (open.length === 0) {
      out.push({
        fingerprint: fingerprintOf([scope.repositoryId, result.checkId, "check"]),
        checkId: result.checkId,
        severity: result.severity,
        location: "check",
        line: null,
        orgLevel: false,
        message: result.reason ?? "",
      });
      continue;
    }
    const fingerprints = findingFingerprints(result.checkId, result.findings, scope);
    result.findings.forEach((finding, i) => {
      if (finding.suppressed) return;
      const { location, line } = locationOf(finding.evidence);
      out.push({
        fingerprint: fingerprints[i]!,
        checkId: result.checkId,
        severity: finding.severity ?? result.severity,
        location,
        line,
        orgLevel: isOrgLevel(finding.evidence),
        message: finding.message,
      });
    });
  }
  return out;
}

const RANK: Record<Severity, number> = { critical: 3, high: 2, medium: 1, low: 0 };
export const worstSeverity = (instances: FailingInstance[]): Severity | null =>
  instances.reduce<Severity | null>(
    (worst, i) => (worst === null || RANK[i.severity] > RANK[worst] ? i.severity : worst),
    null,
  );

/** The set as stored in a repository snapshot: sorted 8-byte fingerprints, concatenated. */
export function packFingerprints(fingerprints: string[]): Uint8Array<ArrayBuffer> {
  const sorted = [...new Set(fingerprints)].sort();
  const out = new Uint8Array(sorted.length * 8);
  sorted.forEach((fp, i) => out.set(Buffer.from(fp, "hex"), i * 8));
  return out;
}

export function unpackFingerprints(bytes: Uint8Array): string[] {
  const out: string[] = [];
  for (let i = 0; i + 8 <= bytes.length; i += 8)
    out.push(Buffer.from(bytes.subarray(i, i + 8)).toString("hex"));
  return out;
}

/**
 * The checks that passed in one scoring, split into plain passes and passes that rest on
 * suppressed findings (an exception or an inline ignore), each sorted. Stored on the
 * repository's snapshot beside its failing instances, so a past date can tell a pass from
 * an unknown (history keeps no other status).
 */
export function passingChecks(results: readonly CheckResult[]): { passing: string[]; waived: string[] } {
  const passing: string[] = [];
  const waived: string[] = [];
  for (const r of results) {
    if (effectiveStatus(r) !== "pass") continue;
    (r.findings.some((f) => f.suppressed) ? waived : passing).push(r.checkId);
  }
  return { passing: passing.sort(), waived: waived.sort() };
}
