// Turns stored CheckResults into the pack's results: findings flattened to one line each,
// and a pass that rests on suppressed findings reported as an exception (with who
// approved it and until when), never as a plain pass.
import type { CheckResult, Evidence, PolicyException } from "../checks/types";
import type { EvidenceResult } from "./input";

export function describeEvidence(e: Evidence): string {
  if (e.kind === "file") return `${e.file}:${e.line}`;
  const value = typeof e.value === "string" ? e.value : JSON.stringify(e.value);
  return `api:${e.field}=${value ?? "null"}`;
}

export function toEvidenceResult(
  r: CheckResult,
  exceptions: ReadonlyMap<string, PolicyException>,
): EvidenceResult {
  const suppressed = r.findings.find((f) => f.suppressed)?.suppressed;
  const exception = suppressed?.exceptionId ? exceptions.get(suppressed.exceptionId) : undefined;
  return {
    check: r.checkId,
    status: r.status === "pass" && suppressed ? "exception" : r.status,
    severity: r.severity,
    findings: r.findings.map((f) => ({
      message: f.message,
      location: describeEvidence(f.evidence),
      remediation: f.remediation,
      suppressed: Boolean(f.suppressed),
    })),
    evidence: (r.evidence ?? []).map(describeEvidence),
    ...(r.reason ? { reason: r.reason } : {}),
    ...(suppressed
      ? {
          exception: {
            ...(suppressed.exceptionId ? { id: suppressed.exceptionId } : {}),
            by: suppressed.by,
            justification: suppressed.reason,
            ...(exception ? { approver: exception.approver, expiresAt: exception.expiresAt } : {}),
          },
        }
      : {}),
  };
}
