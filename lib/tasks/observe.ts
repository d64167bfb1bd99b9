// What one scoring says about one check of one repository, as far as its task cares.
// Unknown results never count as a pass: a check that could not be decided leaves its
// task alone, so a token losing rights does not "fix" anything.
import type { CheckResult, Finding, Severity } from "../checks/types";
import { effectiveStatus } from "../scoring/index";
import type { OwnerIndex } from "./owners";

export type CheckOutcomeForTask = "fail" | "pass" | "accepted" | "undecided";

export interface TaskEvidence {
  message: string;
  file?: string;
  line?: number;
  field?: string;
  remediation: string;
}

export interface ObservedCheck {
  checkId: string;
  outcome: CheckOutcomeForTask;
  severity: Severity;
  owners: string[];
  evidence: TaskEvidence[];
  /** The policy exception that waives the check (outcome "accepted"). */
  exceptionId: string | null;
}

const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1 };
const EXCEPTION_REASON = /^accepted by policy exception (\S+):/;
/** Enough for the board and an issue body; the repository page has the rest. */
const MAX_EVIDENCE = 3;

function toEvidence(f: Finding): TaskEvidence {
  const e = f.evidence;
  return e.kind === "file"
    ? { message: f.message, file: e.file, line: e.line, remediation: f.remediation }
    : { message: f.message, field: e.field, remediation: f.remediation };
}

export function observeCheck(result: CheckResult, owners: OwnerIndex): ObservedCheck {
  const status = effectiveStatus(result);
  const open = result.findings.filter((f) => !f.suppressed);
  const base = { checkId: result.checkId, severity: result.severity, exceptionId: null };
  if (status === "unknown") return { ...base, outcome: "undecided", owners: [], evidence: [] };
  if (status === "fail") {
    // The worst open finding, never above the check's own severity (as scoring counts it).
    let severity: Severity | null = null;
    for (const f of open) {
      const s = f.severity ?? result.severity;
      if (severity === null || RANK[s] > RANK[severity]) severity = s;
    }
    if (severity === null || RANK[severity] > RANK[result.severity]) severity = result.severity;
    const firstFile = open.find((f) => f.evidence.kind === "file")?.evidence;
    return {
      ...base,
      outcome: "fail",
      severity,
      owners: owners.forFile(firstFile?.kind === "file" ? firstFile.file : null),
      evidence: open.slice(0, MAX_EVIDENCE).map(toEvidence),
    };
  }
  const byException = result.findings.find((f) => f.suppressed?.by === "exception")?.suppressed?.exceptionId;
  const wholeCheck = EXCEPTION_REASON.exec(result.reason ?? "")?.[1];
  const exceptionId = byException ?? wholeCheck ?? null;
  const suppressed = result.findings.length > 0 && result.findings.every((f) => f.suppressed);
  if (exceptionId || suppressed)
    return { ...base, outcome: "accepted", exceptionId, owners: [], evidence: [] };
  // pass or not-applicable: what failed is gone.
  return { ...base, outcome: "pass", owners: [], evidence: [] };
}
