import { stableId } from "../../fixture/types";
import type { EnvironmentConfig } from "../../fixture/schema-repo";
import type { SimContext } from "../../context";
import type { RepoFixture } from "../../fixture/types";
import { repoRoute } from "../access";
import { list, notFound, ok, type RouteTable } from "../types";
import { selectedActionsJson } from "./org";
import { teamJsonFor, userJsonFor } from "./people";

// Repository Actions settings, secrets, environments and the OIDC subject template.

const actionsOf = (ctx: SimContext, repo: RepoFixture) => repo.config.actions ?? ctx.org.actions;

function secretList(items: Array<{ name: string; updatedAt: string; createdAt?: string }>) {
  return list(
    items.map((s) => ({ name: s.name, created_at: s.createdAt ?? s.updatedAt, updated_at: s.updatedAt })),
    (page, total) => ({ total_count: total, secrets: page }),
  );
}

function environmentJson(ctx: SimContext, repo: RepoFixture, e: EnvironmentConfig) {
  const id = e.id ?? stableId(`env:${repo.id}:${e.name}`, 1_000_000);
  const rules: unknown[] = [];
  if (e.waitTimerMinutes > 0)
    rules.push({
      id: id * 10 + 2,
      node_id: `GA_wait_${id}`,
      type: "wait_timer",
      wait_timer: e.waitTimerMinutes,
    });
  if (e.reviewers.length > 0)
    rules.push({
      id: id * 10 + 1,
      node_id: `GA_rev_${id}`,
      type: "required_reviewers",
      prevent_self_review: e.preventSelfReview,
      reviewers: e.reviewers.map((r) => ({
        type: r.type,
        reviewer: r.type === "User" ? userJsonFor(ctx, r.login) : teamJsonFor(ctx, r.login),
      })),
    });
  if (e.deploymentBranchPolicy)
    rules.push({ id: id * 10 + 3, node_id: `GA_bp_${id}`, type: "branch_policy" });
  return {
    id,
    node_id: `EN_${Buffer.from(`${repo.id}:${e.name}`).toString("base64url")}`,
    name: e.name,
    url: `${ctx.baseUrl}/repos/${ctx.org.login}/${repo.name}/environments/${encodeURIComponent(e.name)}`,
    html_url: `${ctx.baseUrl}/${ctx.org.login}/${repo.name}/deployments/activity_log?environments_filter=${encodeURIComponent(e.name)}`,
    created_at: e.createdAt,
    updated_at: e.createdAt,
    can_admins_bypass: e.canAdminsBypass,
    protection_rules: rules,
    deployment_branch_policy: e.deploymentBranchPolicy
      ? {
          protected_branches: e.deploymentBranchPolicy.protectedBranches,
          custom_branch_policies: e.deploymentBranchPolicy.customBranchPolicies,
        }
      : null,
  };
}

const envOf = (repo: RepoFixture, name: string | undefined) =>
  repo.config.environments.find((e) => e.name === name);

export const actionsRoutes: RouteTable = {
  "GET /repos/{owner}/{repo}/actions/permissions": repoRoute(
    ({ ctx }, repo) => {
      const a = actionsOf(ctx, repo);
      const url = `${ctx.baseUrl}/repos/${ctx.org.login}/${repo.name}/actions/permissions/selected-actions`;
      return ok({
        enabled: a.enabled,
        ...(a.enabled ? { allowed_actions: a.allowedActions } : {}),
        ...(a.allowedActions === "selected" ? { selected_actions_url: url } : {}),
      });
    },
    { admin: true },
  ),
  "GET /repos/{owner}/{repo}/actions/permissions/workflow": repoRoute(
    ({ ctx }, repo) =>
      ok({
        default_workflow_permissions: actionsOf(ctx, repo).defaultWorkflowPermissions,
        can_approve_pull_request_reviews: actionsOf(ctx, repo).canApprovePullRequestReviews,
      }),
    { admin: true },
  ),
  "GET /repos/{owner}/{repo}/actions/permissions/selected-actions": repoRoute(
    ({ ctx }, repo) =>
      actionsOf(ctx, repo).allowedActions === "selected"
        ? ok(selectedActionsJson(actionsOf(ctx, repo)))
        : notFound(),
    { admin: true },
  ),
  "GET /repos/{owner}/{repo}/actions/secrets": repoRoute((_r, repo) => secretList(repo.config.secrets), {
    admin: true,
  }),
  "GET /repos/{owner}/{repo}/actions/organization-secrets": repoRoute(
    ({ ctx }, repo) =>
      secretList(
        ctx.org.secrets.filter(
          (s) =>
            s.visibility === "all" ||
            (s.visibility === "private" && repo.config.visibility !== "public") ||
            (s.visibility === "selected" && s.selectedRepos?.includes(repo.name)),
        ),
      ),
    { admin: true },
  ),
  "GET /repos/{owner}/{repo}/environments": repoRoute(({ ctx }, repo) =>
    list(
      repo.config.environments.map((e) => environmentJson(ctx, repo, e)),
      (page, total) => ({ total_count: total, environments: page }),
    ),
  ),
  "GET /repos/{owner}/{repo}/environments/{environment_name}": repoRoute(({ ctx, params }, repo) => {
    const e = envOf(repo, params.environment_name);
    return e ? ok(environmentJson(ctx, repo, e)) : notFound();
  }),
  "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies": repoRoute(
    ({ params }, repo) => {
      const e = envOf(repo, params.environment_name);
      if (!e) return notFound();
      const id = e.id ?? stableId(`env:${repo.id}:${e.name}`, 1_000_000);
      const items = e.deploymentBranchPolicy?.customBranchPolicies
        ? e.branchPolicies.map((p, i) => ({
            id: id * 100 + i,
            node_id: `MDE2_${id}_${i}`,
            name: p.name,
            type: p.type,
          }))
        : [];
      return list(items, (page, total) => ({ total_count: total, branch_policies: page }));
    },
  ),
  "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets": repoRoute(
    ({ params }, repo) => {
      const e = envOf(repo, params.environment_name);
      return e ? secretList(e.secrets) : notFound();
    },
    { admin: true },
  ),
  "GET /repos/{owner}/{repo}/actions/oidc/customization/sub": repoRoute(
    (_r, repo) =>
      ok({
        use_default: repo.config.oidcSubClaim.useDefault,
        ...(repo.config.oidcSubClaim.useDefault
          ? {}
          : { include_claim_keys: repo.config.oidcSubClaim.includeClaimKeys }),
      }),
    { admin: true },
  ),
};
