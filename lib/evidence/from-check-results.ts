// Turns stored CheckResults into the pack's results: findings flattened to one line each,
// and a pass that rests on suppressed findings reported as an exception (with who
// approved it and until when), never as a plain pass.
import type { CheckResult, Evidence, PolicyException } from "../checks/types";
import type { EvidenceResult, ResultStatus } from "./input";

export function describeEvidence(e: Evidence): string {
  if (e.kind === "file") return `${e.file}:${e.line}`;
  const value = typeof e.value === "string" ? e.value : JSON.stringify(e.value);
  return `api:${e.field}=${value ?? "null"}`;
}

/**
 * A pass that rests on suppressed findings is an exception, never a plain pass. The
 * pack's status-only reads (lib/server) derive it with this too.
 */
export function evidenceStatus(status: CheckResult["status"], suppressed: boolean): ResultStatus {
  return status === "pass" && suppressed ? "exception" : status;
}

export function toEvidenceResult(
  r: CheckResult,
  exceptions: ReadonlyMap<string, PolicyException>,
): EvidenceResult {
  const suppressed = r.findings.find((f) => f.suppressed)?.suppressed;
  const exception = suppressed?.exceptionId ? exceptions.get(suppressed.exceptionId) : undefined;
  return {
    check: r.checkId,
    status: evidenceStatus(r.status, Boolean(suppressed)),
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
