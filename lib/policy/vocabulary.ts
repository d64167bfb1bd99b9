// The words policy and checks share. They live at the bottom of the stack (lib/policy)
// so that checks import policy and never the other way round. Public interface
// (CHECKS.md): add, never rename.
export const CATEGORIES = ["identity", "secrets", "supply-chain", "integrity", "change-control"] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEVERITIES = ["critical", "high", "medium", "low"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** How sure a finding is; analyzers grade their own verdicts with it too. */
export type Confidence = "high" | "medium" | "low";
