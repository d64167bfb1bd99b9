// The failing check instances of one scoring, each with a stable fingerprint. Pure.
//
// A fingerprint hashes: the scope (repository id, or organisation id for an org-level
// setting), the check, where (file path or API field), the evidence text with its
// whitespace normalised, and an occurrence number among identical texts in the same file.
// The line number is left out on purpose, so inserting lines above a finding keeps its
// identity; editing the offending line itself makes it a new finding (the old one fixed).
import { createHash } from "node:crypto";
import type { CheckResult, Evidence, Severity } from "../checks/types";
import { effectiveStatus } from "../scoring/score";

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

import { isOrgLevel } from "../checks/org-level";
export { isOrgLevel };

export const normaliseSnippet = (text: string): string => text.replace(/\s+/g, " ").trim();

export const fingerprintOf = (parts: string[]): string =>
  createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 16);

function locationOf(evidence: Evidence): { location: string; text: string; line: number | null } {
  if (evidence.kind === "file")
    return {
      location: `file:${evidence.file}`,
      text: normaliseSnippet(evidence.snippet),
      line: evidence.line,
    };
  return { location: `api:${evidence.field}`, text: "", line: null };
}

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
    const seen = new Map<string, number>();
    for (const finding of open) {
      const { location, text, line } = locationOf(finding.evidence);
      const orgLevel = isOrgLevel(finding.evidence);
      const key = `${location}\u0000${text}`;
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      const scopeId = orgLevel ? scope.organizationId : scope.repositoryId;
      out.push({
        fingerprint: fingerprintOf([scopeId, result.checkId, location, text, String(occurrence)]),
        checkId: result.checkId,
        severity: finding.severity ?? result.severity,
        location,
        line,
        orgLevel,
        message: finding.message,
      });
    }
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
