import type { SimContext } from "../context";
import type { RepoFixture } from "../fixture/types";
import type { BranchProtectionConfig, EnvironmentConfig, RulesetConfig } from "../fixture/schema-repo";
import { stableId } from "../fixture/types";
import { userId } from "../users";
import { connection, nodeId, type ConnectionArgs } from "./connection";

// Branch protection rules, rulesets and environments in GraphQL's shape.

export function userObject(ctx: SimContext, login: string) {
  const u = ctx.users.get(login.toLowerCase());
  const id = u?.id ?? userId(login);
  return {
    __typename: "User",
    id: nodeId("U", `user:${id}`),
    databaseId: id,
    login,
    name: u?.name ?? null,
    email: u?.email ?? "",
    url: `${ctx.baseUrl}/${login}`,
    avatarUrl: `${ctx.baseUrl}/avatars/u/${id}`,
    resourcePath: `/${login}`,
  };
}

export function teamObject(ctx: SimContext, slug: string) {
  const t = ctx.org.teams.find((x) => x.slug === slug);
  const id = t?.id ?? stableId(`team:${slug}`, 10_000);
  return {
    __typename: "Team",
    id: nodeId("T", `team:${id}`),
    databaseId: id,
    slug,
    name: t?.name ?? slug,
    combinedSlug: `${ctx.org.login}/${slug}`,
    url: `${ctx.baseUrl}/orgs/${ctx.org.login}/teams/${slug}`,
    resourcePath: `/orgs/${ctx.org.login}/teams/${slug}`,
  };
}

export function branchProtectionRuleObject(
  ctx: SimContext,
  repo: RepoFixture,
  b: BranchProtectionConfig,
  i: number,
) {
  const bypass = [
    ...b.bypassAllowances.users.map((l) => userObject(ctx, l)),
    ...b.bypassAllowances.teams.map((s) => teamObject(ctx, s)),
  ];
  return {
    __typename: "BranchProtectionRule",
    id: nodeId("BPR", `${repo.id}:${i}`),
    databaseId: stableId(`bpr:${repo.id}:${b.pattern}`, 1_000),
    pattern: b.pattern,
    requiresApprovingReviews: b.requirePullRequestReviews,
    requiredApprovingReviewCount: b.requirePullRequestReviews ? b.requiredApprovingReviewCount : null,
    dismissesStaleReviews: b.dismissStaleReviews,
    requireLastPushApproval: b.requireLastPushApproval,
    requiresCodeOwnerReviews: b.requireCodeOwnerReviews,
    isAdminEnforced: b.enforceAdmins,
    allowsForcePushes: b.allowForcePushes,
    allowsDeletions: b.allowDeletions,
    requiresCommitSignatures: b.requireSignedCommits,
    requiresLinearHistory: b.requireLinearHistory,
    requiresStatusChecks: b.requiredStatusChecks.length > 0,
    requiresStrictStatusChecks: b.strictStatusChecks,
    requiredStatusCheckContexts: b.requiredStatusChecks,
    requiredStatusChecks: b.requiredStatusChecks.map((context) => ({ context, app: null })),
    requiresConversationResolution: false,
    requiresDeployments: false,
    requiredDeploymentEnvironments: [],
    restrictsPushes: false,
    restrictsReviewDismissals: false,
    blocksCreations: false,
    lockBranch: false,
    lockAllowsFetchAndMerge: false,
    bypassPullRequestAllowances: (args: ConnectionArgs) =>
      connection(
        bypass.map((actor, k) => ({
          id: nodeId("BPA", `${repo.id}:${i}:${k}`),
          actor,
          branchProtectionRule: null,
        })),
        args,
      ),
    bypassForcePushAllowances: (args: ConnectionArgs) => connection([], args),
    pushAllowances: (args: ConnectionArgs) => connection([], args),
    reviewDismissalAllowances: (args: ConnectionArgs) => connection([], args),
  };
}

const ROLE_NAMES: Record<number, string> = { 1: "read", 2: "maintain", 3: "triage", 4: "write", 5: "admin" };

function ruleParameters(type: string, p: Record<string, unknown> | undefined) {
  const v = p ?? {};
  if (type === "pull_request")
    return {
      __typename: "PullRequestParameters",
      requiredApprovingReviewCount: Number(v.required_approving_review_count ?? 0),
      dismissStaleReviewsOnPush: Boolean(v.dismiss_stale_reviews_on_push),
      requireCodeOwnerReview: Boolean(v.require_code_owner_review),
      requireLastPushApproval: Boolean(v.require_last_push_approval),
      requiredReviewThreadResolution: Boolean(v.required_review_thread_resolution),
      allowedMergeMethods: (v.allowed_merge_methods as string[] | undefined) ?? ["merge", "squash", "rebase"],
    };
  if (type === "required_status_checks")
    return {
      __typename: "RequiredStatusChecksParameters",
      requiredStatusChecks: (
        (v.required_status_checks as Array<{ context: string; integration_id?: number }> | undefined) ?? []
      ).map((c) => ({ context: c.context, integrationId: c.integration_id ?? null })),
      strictRequiredStatusChecksPolicy: Boolean(v.strict_required_status_checks_policy),
      doNotEnforceOnCreate: Boolean(v.do_not_enforce_on_create),
    };
  return null;
}

export function rulesetObject(ctx: SimContext, repo: RepoFixture, r: RulesetConfig) {
  const actors = r.bypassActors.map((a, k) => {
    const team = a.actorType === "Team" ? ctx.org.teams.find((t) => t.id === a.actorId) : undefined;
    return {
      id: nodeId("RRBA", `${r.id}:${k}`),
      bypassMode: a.bypassMode.toUpperCase(),
      organizationAdmin: a.actorType === "OrganizationAdmin",
      deployKey: a.actorType === "DeployKey",
      enterpriseOwner: false,
      repositoryRoleDatabaseId: a.actorType === "RepositoryRole" ? a.actorId : null,
      repositoryRoleName:
        a.actorType === "RepositoryRole" && a.actorId !== null ? (ROLE_NAMES[a.actorId] ?? "custom") : null,
      actor: team
        ? teamObject(ctx, team.slug)
        : a.actorType === "Integration"
          ? {
              __typename: "App",
              id: nodeId("A", `app:${a.actorId}`),
              databaseId: a.actorId,
              slug: `app-${a.actorId}`,
              name: `App ${a.actorId}`,
            }
          : null,
    };
  });
  return {
    __typename: "RepositoryRuleset",
    id: nodeId("RRS", `${repo.id}:${r.id}`),
    databaseId: r.id,
    name: r.name,
    enforcement: r.enforcement.toUpperCase(),
    target: r.target.toUpperCase(),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    source: () =>
      r.source === "organization"
        ? {
            __typename: "Organization",
            login: ctx.org.login,
            id: nodeId("O", `org:${ctx.org.id}`),
            databaseId: ctx.org.id,
            name: ctx.org.name ?? ctx.org.login,
          }
        : {
            __typename: "Repository",
            name: repo.name,
            nameWithOwner: `${ctx.org.login}/${repo.name}`,
            id: nodeId("R", `repo:${repo.id}`),
            databaseId: repo.id,
          },
    conditions: {
      refName: { include: r.include, exclude: r.exclude },
      repositoryName: null,
      repositoryId: null,
      repositoryProperty: null,
    },
    bypassActors: (args: ConnectionArgs) => connection(actors, args),
    rules: (args: ConnectionArgs & { type?: string | null }) =>
      connection(
        r.rules
          .filter((x) => !args.type || x.type.toUpperCase() === args.type)
          .map((x, k) => ({
            id: nodeId("RR", `${r.id}:${k}`),
            type: x.type.toUpperCase(),
            parameters: ruleParameters(x.type, x.parameters),
          })),
        args,
      ),
  };
}

export function environmentObject(ctx: SimContext, repo: RepoFixture, e: EnvironmentConfig) {
  const id = e.id ?? stableId(`env:${repo.id}:${e.name}`, 1_000_000);
  const rules: unknown[] = [];
  if (e.reviewers.length > 0)
    rules.push({
      type: "REQUIRED_REVIEWERS",
      timeout: 0,
      preventSelfReview: e.preventSelfReview,
      databaseId: id * 10 + 1,
      reviewers: (a: ConnectionArgs) =>
        connection(
          e.reviewers.map((r) => (r.type === "User" ? userObject(ctx, r.login) : teamObject(ctx, r.login))),
          a,
        ),
    });
  if (e.waitTimerMinutes > 0)
    rules.push({
      type: "WAIT_TIMER",
      timeout: e.waitTimerMinutes,
      preventSelfReview: null,
      databaseId: id * 10 + 2,
      reviewers: (a: ConnectionArgs) => connection([], a),
    });
  if (e.deploymentBranchPolicy)
    rules.push({
      type: "BRANCH_POLICY",
      timeout: 0,
      preventSelfReview: null,
      databaseId: id * 10 + 3,
      reviewers: (a: ConnectionArgs) => connection([], a),
    });
  return {
    __typename: "Environment",
    id: nodeId("EN", `${repo.id}:${e.name}`),
    databaseId: id,
    name: e.name,
    isPinned: false,
    pinnedPosition: null,
    protectionRules: (args: ConnectionArgs) => connection(rules, args),
  };
}
