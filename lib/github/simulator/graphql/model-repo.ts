import type { SimContext } from "../context";
import type { RepoFixture } from "../fixture/types";
import { connection, nodeId, type ConnectionArgs } from "./connection";
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
    viewerPermission: "ADMIN",
    defaultBranchRef: () => {
      if (Object.keys(repo.files).length === 0) return null;
      const git = ctx.git(repo);
      return { __typename: "Ref", id: nodeId("REF", `${repo.id}:${c.defaultBranch}`), name: c.defaultBranch, prefix: "refs/heads/", target: () => commitObject(ctx, repo, git), repository: () => repoObject(ctx, repo) };
    },
    object: (args: { expression?: string; oid?: string }) => {
      const expr = args.expression ?? args.oid;
      return expr && Object.keys(repo.files).length > 0 ? resolveExpression(ctx, repo, expr) : null;
    },
    branchProtectionRules: (args: ConnectionArgs) => connection(c.branchProtection.map((b, i) => branchProtectionRuleObject(ctx, repo, b, i)), args),
    rulesets: (args: ConnectionArgs & { includeParents?: boolean }) =>
      connection(c.rulesets.filter((r) => args.includeParents !== false || r.source === "repository").map((r) => rulesetObject(ctx, repo, r)), args),
    environments: (args: ConnectionArgs) => connection(c.environments.map((e) => environmentObject(ctx, repo, e)), args),
    repositoryTopics: (args: ConnectionArgs) => connection(c.topics.map((t) => ({ topic: { name: t, id: nodeId("TOP", t) }, url: "", resourcePath: "", id: nodeId("RT", `${repo.id}:${t}`) })), args),
  };
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
    repositories: (args: ConnectionArgs & { isArchived?: boolean | null; privacy?: string | null; isFork?: boolean | null }) => {
      let repos = ctx.fixture.repos;
      if (typeof args.isArchived === "boolean") repos = repos.filter((r) => r.config.archived === args.isArchived);
      if (typeof args.isFork === "boolean") repos = repos.filter((r) => r.config.fork === args.isFork);
      if (args.privacy) repos = repos.filter((r) => (args.privacy === "PUBLIC" ? r.config.visibility === "public" : r.config.visibility !== "public"));
      // A lazily mapped view keeps a 10,000-repository page cheap: only the slice is built.
      const conn = connection(repos, args);
      return { ...conn, nodes: conn.nodes.map((r) => repoObject(ctx, r)), edges: conn.edges.map((e) => ({ cursor: e.cursor, node: repoObject(ctx, e.node) })) };
    },
  };
}
