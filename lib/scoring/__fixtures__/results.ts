import type { Category, CheckResult, Finding, Severity, Status } from "../../checks/types";

let counter = 0;

export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    message: "problem",
    evidence: { kind: "api", field: "x", value: true },
    remediation: "fix it",
    confidence: "high",
    ...overrides,
  };
}

/** A result; a "fail" gets one open finding unless findings are given. */
export function result(category: Category, severity: Severity, status: Status, overrides: Partial<CheckResult> = {}): CheckResult {
  counter += 1;
  return {
    checkId: `check-${counter}`,
    category,
    severity,
    status,
    findings: status === "fail" ? [finding()] : [],
    ...overrides,
  };
}
