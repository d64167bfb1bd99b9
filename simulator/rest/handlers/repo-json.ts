import { branchPatternMatches } from "../../branch-pattern";
import type { SimContext } from "../../context";
import type { BranchProtectionConfig, RulesetConfig } from "../../fixture/schema-repo";
import type { RepoFixture } from "../../fixture/types";
import { teamJsonFor, userJsonFor } from "./people";

// JSON for branch protection and rulesets, and GitHub's branch-pattern matching.

/** Branch protection and ruleset ref patterns are fnmatch globs where `*` stops at `/`. */
export function branchMatches(pattern: string, branch: string): boolean {
  return pattern === branch || branchPatternMatches(pattern, branch);
}

function rulesetApplies(r: RulesetConfig, repo: RepoFixture, branch: string): boolean {
  const hit = (p: string) =>
    p === "~ALL" ||
    (p === "~DEFAULT_BRANCH" && branch === repo.config.defaultBranch) ||
    branchMatches(p.replace(/^refs\/heads\//, ""), branch);
  return r.target === "branch" && r.enforcement !== "disabled" && r.include.some(hit) && !r.exclude.some(hit);
}

export function protectionJson(
  ctx: SimContext,
  repo: RepoFixture,
  b: BranchProtectionConfig,
  branch: string,
) {
  const url = `${ctx.baseUrl}/repos/${ctx.org.login}/${repo.name}/branches/${encodeURIComponent(branch)}/protection`;
  const users = b.bypassAllowances.users.map((l) => userJsonFor(ctx, l));
  return {
    url,
    ...(b.requiredStatusChecks.length > 0
      ? {
          required_status_checks: {
            url: `${url}/required_status_checks`,
            strict: b.strictStatusChecks,
            contexts: b.requiredStatusChecks,
            checks: b.requiredStatusChecks.map((context) => ({ context, app_id: null })),
            contexts_url: `${url}/required_status_checks/contexts`,
          },
        }
      : {}),
    ...(b.requirePullRequestReviews
      ? {
          required_pull_request_reviews: {
            url: `${url}/required_pull_request_reviews`,
            dismiss_stale_reviews: b.dismissStaleReviews,
            require_code_owner_reviews: b.requireCodeOwnerReviews,
            required_approving_review_count: b.requiredApprovingReviewCount,
            require_last_push_approval: b.requireLastPushApproval,
            bypass_pull_request_allowances: {
              users,
              teams: b.bypassAllowances.teams.map((s) => teamJsonFor(ctx, s)),
              apps: [],
            },
          },
        }
      : {}),
    required_signatures: { url: `${url}/required_signatures`, enabled: b.requireSignedCommits },
    enforce_admins: { url: `${url}/enforce_admins`, enabled: b.enforceAdmins },
    required_linear_history: { enabled: b.requireLinearHistory },
    allow_force_pushes: { enabled: b.allowForcePushes },
    allow_deletions: { enabled: b.allowDeletions },
    block_creations: { enabled: false },
    required_conversation_resolution: { enabled: false },
    lock_branch: { enabled: false },
    allow_fork_syncing: { enabled: false },
  };
}

export function rulesetJson(ctx: SimContext, repo: RepoFixture, r: RulesetConfig, withRules: boolean) {
  const self = `${ctx.baseUrl}/repos/${ctx.org.login}/${repo.name}/rulesets/${r.id}`;
  return {
    id: r.id,
    name: r.name,
    target: r.target,
    source_type: r.source === "organization" ? "Organization" : "Repository",
    source: r.source === "organization" ? ctx.org.login : `${ctx.org.login}/${repo.name}`,
    enforcement: r.enforcement,
    node_id: `RRS_${Buffer.from(`${repo.id}:${r.id}`).toString("base64url")}`,
    _links: {
      self: { href: self },
      html: { href: `${ctx.baseUrl}/${ctx.org.login}/${repo.name}/rules/${r.id}` },
    },
    created_at: r.createdAt,
    updated_at: r.updatedAt,
    ...(withRules
      ? {
          bypass_actors: r.bypassActors.map((a) => ({
            actor_id: a.actorId,
            actor_type: a.actorType,
            bypass_mode: a.bypassMode,
          })),
          conditions: { ref_name: { include: r.include, exclude: r.exclude } },
          rules: r.rules.map((x) =>
            x.parameters ? { type: x.type, parameters: x.parameters } : { type: x.type },
          ),
          current_user_can_bypass: "never",
        }
      : {}),
  };
}

export function rulesForBranch(ctx: SimContext, repo: RepoFixture, branch: string) {
  return repo.config.rulesets
    .filter((r) => rulesetApplies(r, repo, branch) && r.enforcement === "active")
    .flatMap((r) =>
      r.rules.map((x) => ({
        type: x.type,
        ...(x.parameters ? { parameters: x.parameters } : {}),
        ruleset_source_type: r.source === "organization" ? "Organization" : "Repository",
        ruleset_source: r.source === "organization" ? ctx.org.login : `${ctx.org.login}/${repo.name}`,
        ruleset_id: r.id,
      })),
    );
}
