import type { SimContext } from "../context";
import type { RepoFixture } from "../fixture/types";

// REST shapes of an organisation and its repositories (organization-full, minimal-repository,
// full-repository in GitHub's OpenAPI description).

function orgOwner(ctx: SimContext) {
  return ownerJson(ctx, ctx.org.login, ctx.org.id);
}

/** simple-user of an organisation: the fixture's own, or another owner of actions. */
export function ownerJson(ctx: SimContext, login: string, id: number) {
  const o = { login, id };
  const api = `${ctx.baseUrl}/users/${o.login}`;
  return {
    login: o.login,
    id: o.id,
    node_id: `O_${Buffer.from(`org:${o.id}`).toString("base64url")}`,
    avatar_url: `${ctx.baseUrl}/avatars/o/${o.id}`,
    gravatar_id: "",
    url: api,
    html_url: `${ctx.baseUrl}/${o.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: "Organization",
    site_admin: false,
    user_view_type: "public",
  };
}

export function orgFull(ctx: SimContext) {
  const o = ctx.org;
  const api = `${ctx.baseUrl}/orgs/${o.login}`;
  return {
    login: o.login,
    id: o.id,
    node_id: orgOwner(ctx).node_id,
    url: api,
    repos_url: `${api}/repos`,
    events_url: `${api}/events`,
    hooks_url: `${api}/hooks`,
    issues_url: `${api}/issues`,
    members_url: `${api}/members{/member}`,
    public_members_url: `${api}/public_members{/member}`,
    avatar_url: orgOwner(ctx).avatar_url,
    description: o.description ?? null,
    name: o.name ?? o.login,
    is_verified: false,
    html_url: `${ctx.baseUrl}/${o.login}`,
    has_organization_projects: true,
    has_repository_projects: true,
    public_repos: ctx.fixture.repos.filter((r) => r.config.visibility === "public").length,
    public_gists: 0,
    followers: 0,
    following: 0,
    type: "Organization",
    created_at: o.createdAt,
    updated_at: o.createdAt,
    archived_at: null,
    total_private_repos: ctx.fixture.repos.filter((r) => r.config.visibility !== "public").length,
    owned_private_repos: ctx.fixture.repos.filter((r) => r.config.visibility !== "public").length,
    private_gists: 0,
    disk_usage: 0,
    collaborators: 0,
    plan: {
      name: o.plan,
      space: 976562499,
      private_repos: 999999,
      filled_seats: o.members.length,
      seats: o.members.length,
    },
    default_repository_permission: o.defaultRepositoryPermission,
    members_can_create_repositories: true,
    two_factor_requirement_enabled: o.twoFactorRequired,
    members_allowed_repository_creation_type: "all",
    members_can_create_public_repositories: o.membersCanCreatePublicRepositories,
    members_can_create_private_repositories: true,
    members_can_create_internal_repositories: true,
    members_can_create_pages: true,
    members_can_fork_private_repositories: false,
    web_commit_signoff_required: false,
  };
}

type Owner = ReturnType<typeof orgOwner>;

export function minimalRepo(ctx: SimContext, r: RepoFixture, owner: Owner = orgOwner(ctx)) {
  const full = `${owner.login}/${r.name}`;
  const api = `${ctx.baseUrl}/repos/${full}`;
  const c = r.config;
  return {
    id: r.id,
    node_id: `R_${Buffer.from(`repo:${r.id}`).toString("base64url")}`,
    name: r.name,
    full_name: full,
    owner,
    private: c.visibility !== "public",
    html_url: `${ctx.baseUrl}/${full}`,
    description: c.description,
    fork: c.fork,
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    hooks_url: `${api}/hooks`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
    git_url: `git://127.0.0.1/${full}.git`,
    ssh_url: `git@127.0.0.1:${full}.git`,
    clone_url: `${ctx.baseUrl}/${full}.git`,
    homepage: null,
    language: c.language,
    forks_count: 0,
    stargazers_count: 0,
    watchers_count: 0,
    size: Object.keys(r.files).length,
    default_branch: c.defaultBranch,
    open_issues_count: 0,
    is_template: false,
    topics: c.topics,
    has_issues: true,
    has_projects: true,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: c.archived,
    disabled: false,
    visibility: c.visibility,
    pushed_at: c.pushedAt,
    created_at: c.createdAt,
    updated_at: c.pushedAt,
    permissions: { admin: true, maintain: true, push: true, triage: true, pull: true },
    license: null,
    forks: 0,
    open_issues: 0,
    watchers: 0,
  };
}

export function fullRepo(ctx: SimContext, r: RepoFixture, owner: Owner = orgOwner(ctx)) {
  const c = r.config;
  const on = (b: boolean) => ({ status: b ? "enabled" : "disabled" });
  return {
    ...minimalRepo(ctx, r, owner),
    mirror_url: null,
    svn_url: `${ctx.baseUrl}/${owner.login}/${r.name}`,
    network_count: 0,
    subscribers_count: 0,
    organization: owner,
    allow_rebase_merge: true,
    allow_squash_merge: true,
    allow_merge_commit: true,
    allow_auto_merge: false,
    delete_branch_on_merge: false,
    allow_forking: false,
    web_commit_signoff_required: false,
    security_and_analysis: {
      advanced_security: on(c.security.secretScanning),
      dependabot_security_updates: on(c.security.dependabotSecurityUpdates),
      secret_scanning: on(c.security.secretScanning),
      secret_scanning_push_protection: on(c.security.pushProtection),
    },
  };
}

// simple-repository: what alert lists embed as `repository` (a subset of minimal-repository).
const SIMPLE_KEYS = [
  "id",
  "node_id",
  "name",
  "full_name",
  "owner",
  "private",
  "html_url",
  "description",
  "fork",
  "url",
  "archive_url",
  "assignees_url",
  "blobs_url",
  "branches_url",
  "collaborators_url",
  "comments_url",
  "commits_url",
  "compare_url",
  "contents_url",
  "contributors_url",
  "deployments_url",
  "downloads_url",
  "events_url",
  "forks_url",
  "git_commits_url",
  "git_refs_url",
  "git_tags_url",
  "hooks_url",
  "issue_comment_url",
  "issue_events_url",
  "issues_url",
  "keys_url",
  "labels_url",
  "languages_url",
  "merges_url",
  "milestones_url",
  "notifications_url",
  "pulls_url",
  "releases_url",
  "stargazers_url",
  "statuses_url",
  "subscribers_url",
  "subscription_url",
  "tags_url",
  "teams_url",
  "trees_url",
] as const;

export function simpleRepo(ctx: SimContext, r: RepoFixture) {
  const full = minimalRepo(ctx, r);
  return Object.fromEntries(SIMPLE_KEYS.map((k) => [k, full[k]]));
}
