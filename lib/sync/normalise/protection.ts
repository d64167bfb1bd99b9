import picomatch from "picomatch";
import type { BranchProtectionFacts, RulesetFacts } from "@/lib/facts/types";
import type { RawBranchProtectionRule, RawRuleset } from "@/lib/github/queries/repo-facts-types";
import { cleanName, type IssueSink } from "./issues";

export function normaliseBranchProtection(
  rule: RawBranchProtectionRule | null | undefined,
): BranchProtectionFacts | null {
  if (!rule) return null;
  const bypass = (rule.bypassPullRequestAllowances?.nodes ?? [])
    .map((n) => n?.actor?.login ?? n?.actor?.slug ?? null)
    .filter((x): x is string => typeof x === "string");
  return {
    pattern: rule.pattern,
    // A count only means something when reviews are required at all.
    requiredApprovingReviewCount: rule.requiresApprovingReviews
      ? (rule.requiredApprovingReviewCount ?? 0)
      : 0,
    dismissStaleReviews: rule.dismissesStaleReviews,
    requireLastPushApproval: rule.requireLastPushApproval,
    requireCodeOwnerReviews: rule.requiresCodeOwnerReviews,
    enforceAdmins: rule.isAdminEnforced,
    bypassAllowances: [...new Set(bypass)].sort(),
    allowForcePushes: rule.allowsForcePushes,
    allowDeletions: rule.allowsDeletions,
    requireSignedCommits: rule.requiresCommitSignatures,
    requiredStatusChecks: rule.requiresStatusChecks
      ? (rule.requiredStatusCheckContexts ?? []).filter((c): c is string => typeof c === "string")
      : [],
  };
}

/** Whether a ruleset's ref_name condition selects the default branch (GitHub's fnmatch semantics). */
export function rulesetTargetsBranch(
  include: readonly string[],
  exclude: readonly string[],
  defaultBranch: string | null,
): boolean {
  if (defaultBranch === null) return false;
  const ref = `refs/heads/${defaultBranch}`;
  const matches = (pattern: string) =>
    pattern === "~ALL" ||
    pattern === "~DEFAULT_BRANCH" ||
    picomatch.isMatch(ref, pattern, { dot: true }) ||
    picomatch.isMatch(defaultBranch, pattern, { dot: true });
  return include.some(matches) && !exclude.some(matches);
}

const ACTOR_TYPES: Record<string, string> = { Team: "Team", App: "Integration" };

function normaliseBypass(raw: RawRuleset): RulesetFacts["bypassActors"] {
  return (raw.bypassActors?.nodes ?? []).flatMap((b) => {
    if (!b) return [];
    const bypassMode = (b.bypassMode ?? "always").toLowerCase();
    if (b.organizationAdmin) return [{ actorType: "OrganizationAdmin", actorId: null, bypassMode }];
    if (b.deployKey) return [{ actorType: "DeployKey", actorId: null, bypassMode }];
    if (b.repositoryRoleDatabaseId !== null)
      return [{ actorType: "RepositoryRole", actorId: b.repositoryRoleDatabaseId, bypassMode }];
    const type = b.actor ? ACTOR_TYPES[b.actor.__typename] : undefined;
    return type ? [{ actorType: type, actorId: b.actor?.databaseId ?? null, bypassMode }] : [];
  });
}

function normaliseRules(raw: RawRuleset): RulesetFacts["rules"] {
  const rules: RulesetFacts["rules"] = {
    nonFastForward: false,
    deletion: false,
    requiredSignatures: false,
    requiredStatusChecks: [],
  };
  for (const r of raw.rules?.nodes ?? []) {
    if (!r) continue;
    const p = r.parameters;
    if (r.type === "NON_FAST_FORWARD") rules.nonFastForward = true;
    else if (r.type === "DELETION") rules.deletion = true;
    else if (r.type === "REQUIRED_SIGNATURES") rules.requiredSignatures = true;
    else if (r.type === "REQUIRED_STATUS_CHECKS")
      rules.requiredStatusChecks.push(...(p?.requiredStatusChecks ?? []).map((c) => c.context));
    else if (r.type === "PULL_REQUEST") {
      rules.pullRequest = {
        requiredApprovingReviewCount: p?.requiredApprovingReviewCount ?? 0,
        dismissStaleReviewsOnPush: p?.dismissStaleReviewsOnPush ?? false,
        requireLastPushApproval: p?.requireLastPushApproval ?? false,
        requireCodeOwnerReview: p?.requireCodeOwnerReview ?? false,
      };
    }
  }
  rules.requiredStatusChecks = [...new Set(rules.requiredStatusChecks)].sort();
  return rules;
}

const ENFORCEMENT = { ACTIVE: "active", EVALUATE: "evaluate", DISABLED: "disabled" } as const;

export function normaliseRulesets(
  raws: Array<RawRuleset | null> | null | undefined,
  defaultBranch: string | null,
  sink: IssueSink,
): RulesetFacts[] {
  const out: RulesetFacts[] = [];
  for (const raw of raws ?? []) {
    if (!raw) continue;
    const name = cleanName(raw.name, "ruleset name", sink);
    const enforcement = ENFORCEMENT[raw.enforcement as keyof typeof ENFORCEMENT];
    if (name === null || raw.databaseId === null || !enforcement) {
      if (name !== null)
        sink({
          kind: "value_invalid",
          subject: `ruleset ${JSON.stringify(name)}`,
          reason: "missing id or unknown enforcement",
        });
      continue;
    }
    const isBranch = raw.target === null || raw.target === "BRANCH";
    const include = raw.conditions?.refName?.include ?? [];
    const exclude = raw.conditions?.refName?.exclude ?? [];
    out.push({
      id: raw.databaseId,
      name,
      source: raw.source?.__typename === "Organization" ? "organization" : "repository",
      enforcement,
      appliesToDefaultBranch: isBranch && rulesetTargetsBranch(include, exclude, defaultBranch),
      bypassActors: normaliseBypass(raw),
      rules: normaliseRules(raw),
    });
  }
  return out.sort((a, b) => a.id - b.id);
}
