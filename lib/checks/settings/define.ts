// Shared plumbing for the settings checks: outcome builders, API evidence, and the
// archived-repository rule.
//
// Archived repositories are read-only: nobody can push, merge, run workflows or
// deploy, and GitHub refuses most settings changes until the repo is unarchived. So
// checks about branch rules, the workflow token, deploy keys, Actions secrets and
// environments are `not-applicable` there (they are judged again if it is unarchived).
// Checks whose risk survives archiving still run: open secret alerts (a leaked key is
// live wherever it leaked), outside admins (an admin can unarchive) and org settings.
import type { RepoFacts } from "../../facts/types";
import type { CheckContext, CheckDefinition, CheckOutcome, Evidence, Finding } from "../types";

export type SettingsCheckSpec = Omit<CheckDefinition, "run"> & {
  /** "skip": not-applicable on archived repositories (see above). */
  archived: "judge" | "skip";
  run(facts: RepoFacts, ctx: CheckContext): CheckOutcome;
};

export function settingsCheck(spec: SettingsCheckSpec): CheckDefinition {
  const { archived, run, ...definition } = spec;
  return {
    ...definition,
    run(facts, ctx) {
      if (facts.archived && archived === "skip") {
        return notApplicable(
          "The repository is archived (read-only): this setting cannot be exploited or changed until it is unarchived.",
          [api(`archived`, true)],
        );
      }
      return run(facts, ctx);
    },
  };
}

/**
 * API evidence. `field` names the REST resource and JSON path, relative to
 * /repos/{owner}/{repo}/ ("branches/main/protection.enforce_admins.enabled",
 * "archived") unless it starts with "orgs/".
 */
export function api(field: string, value: unknown, url?: string): Evidence {
  return url ? { kind: "api", field, value, url } : { kind: "api", field, value };
}

export const repoName = (facts: RepoFacts): string => `${facts.owner}/${facts.name}`;
/** REST path prefix for this repository, as used in remediation text. */
export const repoPath = (facts: RepoFacts): string => `/repos/${facts.owner}/${facts.name}`;
export const branchName = (facts: RepoFacts): string => facts.defaultBranch ?? "{default_branch}";

export function pass(evidence: Evidence[], reason?: string): CheckOutcome {
  return reason
    ? { status: "pass", findings: [], evidence, reason }
    : { status: "pass", findings: [], evidence };
}

export function fail(findings: Finding[], evidence?: Evidence[]): CheckOutcome {
  return evidence ? { status: "fail", findings, evidence } : { status: "fail", findings };
}

export function unknown(reason: string, evidence: Evidence[] = []): CheckOutcome {
  return { status: "unknown", findings: [], evidence, reason };
}

export function notApplicable(reason: string, evidence: Evidence[] = []): CheckOutcome {
  return { status: "not-applicable", findings: [], evidence, reason };
}

export function finding(
  message: string,
  evidence: Evidence,
  remediation: string,
  confidence: Finding["confidence"] = "high",
): Finding {
  return { message, evidence, remediation, confidence };
}

export const NO_SETTINGS =
  "Repository settings were not synced (scan of a checkout, or the token cannot read them).";
export const NO_ORG =
  "Organisation settings are not known (not synced, user-owned repository, or the token lacks org read rights).";
