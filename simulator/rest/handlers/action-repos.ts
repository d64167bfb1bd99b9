import type { SimContext } from "../../context";
import type { ActionRepoConfig } from "../../fixture/schema-org";
import { stableId, type RepoFixture } from "../../fixture/types";
import { repoSchema } from "../../fixture/schema-repo";
import { repoRoute } from "../access";
import { fullRepo, ownerJson } from "../json-repo";
import { errorBody, list, notFound, ok, type RestHandler, type RestRequest, type RouteTable } from "../types";

// Repositories of other owners' actions (the fixture's `actionRepos`), for the checks that
// ask GitHub about the actions a workflow uses: archived-action (the repository),
// pin-comment-mismatch (its tags, from `actionRefs`) and impostor-commit (branches and
// compare). The organisation's own repositories keep their handlers.

interface ActionRepo {
  owner: string;
  name: string;
  config: ActionRepoConfig;
}

function actionRepo(ctx: SimContext, owner: string, name: string): ActionRepo | undefined {
  const key = Object.keys(ctx.org.actionRepos).find(
    (k) => k.toLowerCase() === `${owner}/${name}`.toLowerCase(),
  );
  if (!key) return undefined;
  const [o, n] = key.split("/") as [string, string];
  return { owner: o, name: n, config: ctx.org.actionRepos[key]! };
}

/** Tag name → commit, from `actionRefs` entries "owner/repo@tag". */
function tagsOf(ctx: SimContext, a: ActionRepo): Array<[string, string]> {
  const prefix = `${a.owner}/${a.name}@`.toLowerCase();
  return Object.entries(ctx.org.actionRefs)
    .filter(([k]) => k.toLowerCase().startsWith(prefix))
    .map(([k, sha]) => [k.slice(prefix.length), sha] as [string, string])
    .sort(([a], [b]) => b.localeCompare(a, "en", { numeric: true }));
}

/** Branch → head commit; the default branch heads at its newest tag when not given. */
function branchesOf(ctx: SimContext, a: ActionRepo): Map<string, string> {
  const out = new Map(Object.entries(a.config.branches));
  const newestTag = tagsOf(ctx, a)[0]?.[1];
  if (!out.has(a.config.defaultBranch)) out.set(a.config.defaultBranch, newestTag ?? "0".repeat(40));
  return out;
}

/** Commits a ref reaches: its head and history; the default branch also reaches every tag. */
function reach(ctx: SimContext, a: ActionRepo, ref: string): Set<string> | undefined {
  const head = branchesOf(ctx, a).get(ref) ?? tagsOf(ctx, a).find(([t]) => t === ref)?.[1];
  if (!head && !/^[0-9a-f]{40}$/.test(ref)) return undefined;
  const out = new Set([head ?? ref, ...(a.config.history[ref] ?? [])]);
  if (ref === a.config.defaultBranch) for (const [, sha] of tagsOf(ctx, a)) out.add(sha);
  return out;
}

function knownCommit(ctx: SimContext, a: ActionRepo, sha: string): boolean {
  if (a.config.forkCommits.includes(sha)) return true;
  return [...branchesOf(ctx, a).keys()].some((b) => reach(ctx, a, b)?.has(sha));
}

/** The organisation's own repository through `own`, else an action repository through `foreign`. */
function ownOrAction(
  own: RestHandler,
  foreign: (r: RestRequest, a: ActionRepo) => ReturnType<RestHandler>,
): RestHandler {
  return (r) => {
    if (r.ctx.isOrg(r.params.owner ?? "")) return own(r);
    const a = actionRepo(r.ctx, r.params.owner ?? "", r.params.repo ?? "");
    return a ? foreign(r, a) : notFound();
  };
}

function commitRef(ctx: SimContext, a: ActionRepo, sha: string) {
  return { sha, url: `${ctx.baseUrl}/repos/${a.owner}/${a.name}/commits/${sha}` };
}

function commitJson(ctx: SimContext, a: ActionRepo, sha: string) {
  const api = `${ctx.baseUrl}/repos/${a.owner}/${a.name}`;
  const who = {
    name: "Action Maintainer",
    email: "maintainer@example.invalid",
    date: "2024-01-01T00:00:00Z",
  };
  return {
    url: `${api}/commits/${sha}`,
    sha,
    node_id: `C_${Buffer.from(sha).toString("base64url")}`,
    html_url: `${ctx.baseUrl}/${a.owner}/${a.name}/commit/${sha}`,
    comments_url: `${api}/commits/${sha}/comments`,
    commit: {
      url: `${api}/git/commits/${sha}`,
      author: who,
      committer: who,
      message: "Release",
      comment_count: 0,
      tree: { sha, url: `${api}/git/trees/${sha}` },
    },
    author: null,
    committer: null,
    parents: [],
  };
}

const COMPARE_DOCS = "https://docs.github.com/rest/commits/commits#compare-two-commits";

export const actionRepoRoutes: RouteTable = {
  "GET /repos/{owner}/{repo}/tags": ownOrAction(
    repoRoute(() => list([])),
    ({ ctx }, a) =>
      list(
        tagsOf(ctx, a).map(([name, sha]) => ({
          name,
          commit: commitRef(ctx, a, sha),
          zipball_url: `${ctx.baseUrl}/repos/${a.owner}/${a.name}/zipball/refs/tags/${name}`,
          tarball_url: `${ctx.baseUrl}/repos/${a.owner}/${a.name}/tarball/refs/tags/${name}`,
          node_id: `REF_${Buffer.from(`${a.owner}/${a.name}:tags/${name}`).toString("base64url")}`,
        })),
      ),
  ),
  "GET /repos/{owner}/{repo}/branches": ownOrAction(
    repoRoute(({ ctx }, repo) =>
      list([
        {
          name: repo.config.defaultBranch,
          commit: { sha: ctx.git(repo).commitOid, url: "" },
          protected: false,
        },
      ]),
    ),
    ({ ctx }, a) =>
      list(
        [...branchesOf(ctx, a)].map(([name, sha]) => ({
          name,
          commit: commitRef(ctx, a, sha),
          protected: false,
        })),
      ),
  ),
  "GET /repos/{owner}/{repo}/compare/{basehead}": ownOrAction(
    () => errorBody(501, "Not simulated: compare of the organisation's own repositories"),
    ({ ctx, params }, a) => {
      const [base, head] = (params.basehead ?? "").split("...");
      if (!base || !head) return notFound(COMPARE_DOCS);
      const reachable = reach(ctx, a, base);
      if (!reachable || !knownCommit(ctx, a, head)) return notFound(COMPARE_DOCS);
      const baseSha = branchesOf(ctx, a).get(base) ?? tagsOf(ctx, a).find(([t]) => t === base)?.[1] ?? base;
      const status = baseSha === head ? "identical" : reachable.has(head) ? "behind" : "diverged";
      const api = `${ctx.baseUrl}/repos/${a.owner}/${a.name}`;
      const html = `${ctx.baseUrl}/${a.owner}/${a.name}/compare/${base}...${head}`;
      return ok({
        url: `${api}/compare/${base}...${head}`,
        html_url: html,
        permalink_url: html,
        diff_url: `${html}.diff`,
        patch_url: `${html}.patch`,
        base_commit: commitJson(ctx, a, baseSha),
        merge_base_commit: commitJson(ctx, a, status === "diverged" ? baseSha : head),
        status,
        ahead_by: status === "diverged" ? 1 : 0,
        behind_by: status === "behind" ? 1 : 0,
        total_commits: status === "diverged" ? 1 : 0,
        commits: status === "diverged" ? [commitJson(ctx, a, head)] : [],
        files: [],
      });
    },
  ),
};

/** GET /repos/{owner}/{repo} for action repositories: a public full-repository of another owner. */
export function withActionRepo(own: RestHandler): RestHandler {
  return ownOrAction(own, ({ ctx }, a) => {
    const pseudo: RepoFixture = {
      name: a.name,
      id: stableId(`${a.owner}/${a.name}`),
      config: repoSchema.parse({
        visibility: "public",
        archived: a.config.archived,
        defaultBranch: a.config.defaultBranch,
      }),
      files: {},
    };
    return ok({
      ...fullRepo(ctx, pseudo, ownerJson(ctx, a.owner, stableId(a.owner))),
      permissions: { admin: false, maintain: false, push: false, triage: false, pull: true },
    });
  });
}
