import type { ActionsSettingsConfig } from "../../fixture/schema-org";
import { orgRoute } from "../access";
import { minimalRepo, orgFull } from "../json-repo";
import { list, notFound, ok, type RouteTable } from "../types";
import { hookJson } from "../hook-json";

// Organisation-level routes: the org, its repositories, Actions policy and org secrets.

export function selectedActionsJson(a: ActionsSettingsConfig) {
  const s = a.selected ?? { githubOwnedAllowed: true, verifiedAllowed: false, patternsAllowed: [] };
  return {
    github_owned_allowed: s.githubOwnedAllowed,
    verified_allowed: s.verifiedAllowed,
    patterns_allowed: s.patternsAllowed,
  };
}

export const orgRoutes: RouteTable = {
  "GET /orgs/{org}": orgRoute(({ ctx }) => ok(orgFull(ctx))),
  "GET /orgs/{org}/hooks": orgRoute(
    ({ ctx }) =>
      list(
        ctx.org.webhooks.map((h, i) =>
          hookJson(
            {
              type: "Organization",
              collectionUrl: `${ctx.baseUrl}/orgs/${ctx.org.login}/hooks`,
              ownerId: ctx.org.id,
              createdAt: ctx.org.createdAt,
            },
            h,
            i,
          ),
        ),
      ),
    { admin: true },
  ),
  "GET /orgs/{org}/repos": orgRoute(({ ctx, query }) => {
    const type = query.get("type") ?? "all";
    let repos = ctx.fixture.repos;
    if (type === "public") repos = repos.filter((r) => r.config.visibility === "public");
    else if (type === "private") repos = repos.filter((r) => r.config.visibility !== "public");
    else if (type === "forks") repos = repos.filter((r) => r.config.fork);
    else if (type === "sources") repos = repos.filter((r) => !r.config.fork);
    const sort = query.get("sort") ?? "created";
    const sorted =
      sort === "full_name"
        ? [...repos].sort((a, b) => a.name.localeCompare(b.name))
        : sort === "pushed" || sort === "updated"
          ? [...repos].sort((a, b) => b.config.pushedAt.localeCompare(a.config.pushedAt))
          : repos;
    // Items are built per page: a 10,000-repository org must not build 10,000 bodies per request.
    return {
      status: 200,
      body: null,
      paginate: {
        items: sorted,
        wrap: (page) => page.map((r) => minimalRepo(ctx, r as (typeof repos)[number])),
      },
    };
  }),
  "GET /orgs/{org}/members": orgRoute(({ ctx }) =>
    list(
      ctx.org.members
        .map((m) => ctx.users.get(m.login.toLowerCase()))
        .filter(Boolean)
        .map((u) => ({ login: u!.login, id: u!.id })),
    ),
  ),
  // GitHub answers 204 for a member and 404 for anyone else (Gatehouse's sign-in check).
  "GET /orgs/{org}/members/{username}": orgRoute(({ ctx, params }) => {
    const login = (params.username ?? "").toLowerCase();
    return ctx.org.members.some((m) => m.login.toLowerCase() === login)
      ? { status: 204, body: null }
      : notFound("https://docs.github.com/rest/orgs/members#check-organization-membership-for-a-user");
  }),
  "GET /orgs/{org}/actions/permissions": orgRoute(
    ({ ctx }) => {
      const a = ctx.org.actions;
      return ok({
        enabled_repositories: a.enabled ? "all" : "none",
        allowed_actions: a.allowedActions,
        ...(a.allowedActions === "selected"
          ? {
              selected_actions_url: `${ctx.baseUrl}/orgs/${ctx.org.login}/actions/permissions/selected-actions`,
            }
          : {}),
      });
    },
    { admin: true },
  ),
  "GET /orgs/{org}/actions/permissions/workflow": orgRoute(
    ({ ctx }) =>
      ok({
        default_workflow_permissions: ctx.org.actions.defaultWorkflowPermissions,
        can_approve_pull_request_reviews: ctx.org.actions.canApprovePullRequestReviews,
      }),
    { admin: true },
  ),
  "GET /orgs/{org}/actions/permissions/selected-actions": orgRoute(
    ({ ctx }) =>
      ctx.org.actions.allowedActions === "selected" ? ok(selectedActionsJson(ctx.org.actions)) : notFound(),
    { admin: true },
  ),
  "GET /orgs/{org}/actions/secrets": orgRoute(
    ({ ctx }) =>
      list(
        ctx.org.secrets.map((s) => ({
          name: s.name,
          created_at: s.createdAt ?? s.updatedAt,
          updated_at: s.updatedAt,
          visibility: s.visibility,
          ...(s.visibility === "selected"
            ? {
                selected_repositories_url: `${ctx.baseUrl}/orgs/${ctx.org.login}/actions/secrets/${s.name}/repositories`,
              }
            : {}),
        })),
        (page, total) => ({ total_count: total, secrets: page }),
      ),
    { admin: true },
  ),
  "GET /orgs/{org}/actions/secrets/{secret_name}/repositories": orgRoute(
    ({ ctx, params }) => {
      const s = ctx.org.secrets.find((x) => x.name === params.secret_name);
      if (!s || s.visibility !== "selected") return notFound();
      const repos = ctx.fixture.repos.filter((r) => s.selectedRepos?.includes(r.name));
      return list(repos, (page, total) => ({
        total_count: total,
        repositories: page.map((r) => minimalRepo(ctx, r as (typeof repos)[number])),
      }));
    },
    { admin: true },
  ),
};
