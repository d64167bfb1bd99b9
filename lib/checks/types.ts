// The contract between checks, scoring, the CLI, sync and the UI. Check ids and
// categories are public interface (CHECKS.md): add, never rename.
import type { RepoFacts } from "../facts/types";
import type { CheckContext } from "../policy/context";
import type { Category, Confidence, Severity } from "../policy/vocabulary";

// Policy and the shared vocabulary are defined once, in lib/policy; re-exported here
// because every check reads them alongside the types below.
export { CATEGORIES, SEVERITIES } from "../policy/vocabulary";
export type { Category, Severity } from "../policy/vocabulary";
export type { CheckContext, Policy, PolicyException } from "../policy";

/** Where a check's input comes from; `wf`/`files` checks also run in `gatehouse scan`. */
export type Source = "wf" | "files" | "settings" | "alerts" | "registry" | "api";

export type Status = "pass" | "fail" | "not-applicable" | "unknown";
export type { Confidence } from "../policy/vocabulary";

export type Evidence =
  | { kind: "file"; file: string; line: number; column?: number; snippet: string }
  | { kind: "api"; field: string; value: unknown; url?: string };

export interface Finding {
  message: string;
  evidence: Evidence;
  /** The exact change that fixes this finding (a rewritten line, a block to add, a setting to flip). */
  remediation: string;
  confidence: Confidence;
  /** Overrides the check's severity for this finding (e.g. unpinned GitHub-owned actions are medium). */
  severity?: Severity;
  /** Set by the runner when an inline `# gatehouse: ignore[id] reason` or an exception applies. */
  suppressed?: { by: "inline" | "exception"; reason: string; exceptionId?: string };
}

export interface CheckOutcome {
  status: Status;
  findings: Finding[];
  /** What a pass (or not-applicable/unknown) rests on: the files read or API fields seen. */
  evidence?: Evidence[];
  /** Why the status is unknown or not-applicable, or why a file could not be analysed. */
  reason?: string;
}

export interface CheckDefinition {
  id: string;
  title: string;
  category: Category;
  severity: Severity;
  from: Source[];
  rationale: string;
  /** Generic remediation for the catalogue; findings carry the specific one. */
  remediation: string;
  run(facts: RepoFacts, ctx: CheckContext): CheckOutcome;
  /**
   * Optional async work done before `run` (e.g. secretlint, whose API is async); the
   * runner awaits it (runChecksAsync) and `run` reads what it cached for these facts.
   */
  prepare?(facts: RepoFacts): Promise<void>;
}

export interface CheckResult extends CheckOutcome {
  checkId: string;
  category: Category;
  severity: Severity;
}
