// Remediation text for default-branch findings. Where a finding can be fixed without
// knowing the rest of the branch rule, we point at a NEW ruleset (additive, one POST,
// enforced together with whatever exists); where the classic rule has a dedicated
// sub-endpoint, we name that too.
import type { RepoFacts } from "../../facts/types";
import { branchName, repoPath } from "./settings";

export const json = (value: unknown): string => JSON.stringify(value);

/** "POST /repos/o/r/rulesets with {…}" for a ruleset on the default branch with these rules. */
export function newRulesetFix(facts: RepoFacts, name: string, rules: unknown[]): string {
  const body = {
    name,
    target: "branch",
    enforcement: "active",
    conditions: { ref_name: { include: ["~DEFAULT_BRANCH"], exclude: [] } },
    rules,
  };
  return `\`POST ${repoPath(facts)}/rulesets\` with \`${json(body)}\``;
}

export const RULESETS_UI =
  "Settings → Rules → Rulesets → New branch ruleset (Enforcement status: Active, Target branches: Include default branch)";

export const BRANCHES_UI = (facts: RepoFacts): string =>
  `Settings → Branches → Edit the \`${branchName(facts)}\` rule`;

export function protectionEndpoint(facts: RepoFacts, suffix = ""): string {
  return `${repoPath(facts)}/branches/${branchName(facts)}/protection${suffix}`;
}

export function pullRequestRule(approvals: number, extra: Record<string, unknown> = {}): unknown {
  return {
    type: "pull_request",
    parameters: {
      required_approving_review_count: approvals,
      dismiss_stale_reviews_on_push: true,
      require_code_owner_review: false,
      require_last_push_approval: true,
      required_review_thread_resolution: false,
      ...extra,
    },
  };
}

/** The full classic rule, for when none exists (PUT replaces the whole rule). */
export function fullProtectionBody(approvals: number): string {
  return json({
    required_status_checks: null,
    enforce_admins: true,
    required_pull_request_reviews: {
      required_approving_review_count: approvals,
      dismiss_stale_reviews: true,
      require_last_push_approval: true,
    },
    restrictions: null,
    allow_force_pushes: false,
    allow_deletions: false,
  });
}
