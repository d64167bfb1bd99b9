import { ruleForBranch } from "../branch-pattern";
import type { SimContext } from "../context";
import type { RepoFixture } from "../fixture/types";
import { connection, nodeId, type ConnectionArgs } from "./connection";
import { collaboratorsConnection, viewerPermissionOf, type GraphqlContext } from "./model-collaborators";
import { commitObject, resolveExpression } from "./model-git";
import { branchProtectionRuleObject, environmentObject, rulesetObject } from "./model-settings";

// Repository and Organization objects. Fields are plain values or functions of their
// arguments (graphql-js' default resolver calls them), built per request from the fixture.

export function repoObject(ctx: SimContext, repo: RepoFixture) {
  const c = repo.config;
  const org = ctx.org;
  const owner = () => orgObject(ctx);
  return {
    __typename: "Repository",
    id: nodeId("R", `repo:${repo.id}`),
    databaseId: repo.id,
    name: repo.name,
    nameWithOwner: `${org.login}/${repo.name}`,
    url: `${ctx.baseUrl}/${org.login}/${repo.name}`,
    resourcePath: `/${org.login}/${repo.name}`,
    description: c.description,
    visibility: c.visibility.toUpperCase(),
    isPrivate: c.visibility !== "public",
    isArchived: c.archived,
    isFork: c.fork,
    isDisabled: false,
    isEmpty: Object.keys(repo.files).length === 0,
    isTemplate: false,
    isLocked: false,
    isMirror: false,
    createdAt: c.createdAt,
    updatedAt: c.pushedAt,
    pushedAt: c.pushedAt,
    archivedAt: c.archived ? c.pushedAt : null,
    hasVulnerabilityAlertsEnabled: c.security.dependabotAlerts,
    primaryLanguage: c.language ? { name: c.language, color: null, id: nodeId("L", c.language) } : null,
    owner,
    viewerPermission: (_: unknown, gctx: GraphqlContext | undefined) =>
      viewerPermissionOf(ctx, repo, gctx?.auth)?.toUpperCase() ?? null,
    defaultBranchRef: () => {
      if (Object.keys(repo.files).length === 0) return null;
      const git = ctx.git(repo);
      return {
        __typename: "Ref",
        id: nodeId("REF", `${repo.id}:${c.defaultBranch}`),
        name: c.defaultBranch,
        prefix: "refs/heads/",
        target: () => commitObject(ctx, repo, git, () => repoObject(ctx, repo)),
        repository: () => repoObject(ctx, repo),
        // The rule GitHub applies to this branch: exact name first, else the oldest matching pattern.
        branchProtectionRule: () => {
          const rule = ruleForBranch(c.branchProtection, c.defaultBranch);
          return rule ? branchProtectionRuleObject(ctx, repo, rule, c.branchProtection.indexOf(rule)) : null;
        },
      };
    },
    collaborators: (args: Parameters<typeof collaboratorsConnection>[2], gctx: GraphqlContext | undefined) =>
      collaboratorsConnection(ctx, repo, args, gctx, () => repoObject(ctx, repo), owner),
    object: (args: { expression?: string; oid?: string }) => {
      const expr = args.expression ?? args.oid;
      return expr && Object.keys(repo.files).length > 0
        ? resolveExpression(ctx, repo, expr, () => repoObject(ctx, repo))
        : null;
    },
    branchProtectionRules: (args: ConnectionArgs) =>
      connection(
        c.branchProtection.map((b, i) => branchProtectionRuleObject(ctx, repo, b, i)),
        args,
      ),
    rulesets: (args: ConnectionArgs & { includeParents?: boolean }) =>
      connection(
        c.rulesets
          .filter((r) => args.includeParents !== false || r.source === "repository")
          .map((r) => rulesetObject(ctx, repo, r)),
        args,
      ),
    environments: (args: ConnectionArgs) =>
      connection(
        c.environments.map((e) => environmentObject(ctx, repo, e)),
        args,
      ),
    repositoryTopics: (args: ConnectionArgs) =>
      connection(
        c.topics.map((t) => ({
          topic: { name: t, id: nodeId("TOP", t) },
          url: "",
          resourcePath: "",
          id: nodeId("RT", `${repo.id}:${t}`),
        })),
        args,
      ),
  };
}

interface RepoOrder {
  field: "CREATED_AT" | "NAME" | "PUSHED_AT" | "STARGAZERS" | "UPDATED_AT";
  direction: "ASC" | "DESC";
}

const ORDER_KEYS: Record<RepoOrder["field"], (r: RepoFixture) => string> = {
  NAME: (r) => r.name.toLowerCase(),
  CREATED_AT: (r) => r.config.createdAt,
  PUSHED_AT: (r) => r.config.pushedAt,
  UPDATED_AT: (r) => r.config.pushedAt,
  STARGAZERS: () => "",
};

// Name order is cached per fixture (names never change; a 10,000-repository listing pages
// through it 100 times); dates can move with a push, so those orders are computed per request.
const nameOrderCache = new WeakMap<readonly RepoFixture[], Map<string, RepoFixture[]>>();

/** `orderBy` as GitHub applies it; ties (and no orderBy) keep the fixture's order. */
function ordered(repos: RepoFixture[], order: RepoOrder | null | undefined): RepoFixture[] {
  if (!order) return repos;
  const cached = order.field === "NAME" ? nameOrderCache.get(repos)?.get(order.direction) : undefined;
  if (cached) return cached;
  const key = ORDER_KEYS[order.field];
  const sign = order.direction === "DESC" ? -1 : 1;
  const sorted = [...repos].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -sign : ka > kb ? sign : 0;
  });
  if (order.field === "NAME") {
    const m = nameOrderCache.get(repos) ?? new Map<string, RepoFixture[]>();
    m.set(order.direction, sorted);
    nameOrderCache.set(repos, m);
  }
  return sorted;
}

export function orgObject(ctx: SimContext) {
  const org = ctx.org;
  return {
    __typename: "Organization",
    id: nodeId("O", `org:${org.id}`),
    databaseId: org.id,
    login: org.login,
    name: org.name ?? org.login,
    description: org.description ?? null,
    url: `${ctx.baseUrl}/${org.login}`,
    resourcePath: `/${org.login}`,
    avatarUrl: `${ctx.baseUrl}/avatars/o/${org.id}`,
    createdAt: org.createdAt,
    requiresTwoFactorAuthentication: org.twoFactorRequired,
    membersCanForkPrivateRepositories: false,
    repository: ({ name }: { name: string }) => {
      const r = ctx.repo(org.login, name);
      return r ? repoObject(ctx, r) : null;
    },
    repositories: (
      args: ConnectionArgs & {
        isArchived?: boolean | null;
        privacy?: string | null;
        isFork?: boolean | null;
        orderBy?: RepoOrder | null;
      },
    ) => {
      let repos = ordered(ctx.fixture.repos, args.orderBy);
      if (typeof args.isArchived === "boolean")
        repos = repos.filter((r) => r.config.archived === args.isArchived);
      if (typeof args.isFork === "boolean") repos = repos.filter((r) => r.config.fork === args.isFork);
      if (args.privacy)
        repos = repos.filter((r) =>
          args.privacy === "PUBLIC" ? r.config.visibility === "public" : r.config.visibility !== "public",
        );
      // A lazily mapped view keeps a 10,000-repository page cheap: only the slice is built.
      const conn = connection(repos, args);
      return {
        ...conn,
        nodes: conn.nodes.map((r) => repoObject(ctx, r)),
        edges: conn.edges.map((e) => ({ cursor: e.cursor, node: repoObject(ctx, e.node) })),
      };
    },
  };
}
