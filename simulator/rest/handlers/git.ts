import type { SimContext } from "../../context";
import type { RepoFixture } from "../../fixture/types";
import type { GitTree } from "../../git";
import { repoRoute } from "../access";
import { notFound, ok, type RestResponse, type RouteTable } from "../types";
import { branchMatches } from "./repo-json";

// Git data: trees, commits, refs, branches and contents of the default branch; refs of
// other owners' actions come from the fixture's `actionRefs` (tag → SHA resolution).

function actionRef(ctx: SimContext, owner: string, repo: string, ref: string): string | undefined {
  const name = ref.replace(/^(refs\/)?(tags|heads)\//, "");
  return ctx.org.actionRefs[`${owner}/${repo}@${name}`];
}

function resolveCommit(ctx: SimContext, repo: RepoFixture, ref: string): string | null {
  const git = ctx.git(repo);
  const r = ref.replace(/^refs\//, "").replace(/^heads\//, "");
  return [repo.config.defaultBranch, "HEAD", git.commitOid].includes(r) ? git.commitOid : null;
}

function commitJson(
  ctx: SimContext,
  full: string,
  sha: string,
  treeSha: string | null,
  date: string,
  message: string,
) {
  const api = `${ctx.baseUrl}/repos/${full}`;
  const who = { name: "Gatehouse Simulator", email: "simulator@example.invalid", date };
  return {
    url: `${api}/commits/${sha}`,
    sha,
    node_id: `C_${Buffer.from(sha).toString("base64url")}`,
    html_url: `${ctx.baseUrl}/${full}/commit/${sha}`,
    comments_url: `${api}/commits/${sha}/comments`,
    commit: {
      url: `${api}/git/commits/${sha}`,
      author: who,
      committer: who,
      message,
      comment_count: 0,
      tree: { sha: treeSha ?? sha, url: `${api}/git/trees/${treeSha ?? sha}` },
      verification: {
        verified: false,
        reason: "unsigned",
        payload: null,
        signature: null,
        verified_at: null,
      },
    },
    author: null,
    committer: null,
    parents: [],
    stats: { additions: 0, deletions: 0, total: 0 },
    files: [],
  };
}

function withActionRefs(
  fn: (r: Parameters<ReturnType<typeof repoRoute>>[0], repo: RepoFixture) => RestResponse,
  foreign: (ctx: SimContext, owner: string, repo: string, ref: string) => RestResponse,
) {
  const inner = repoRoute(fn);
  return (r: Parameters<ReturnType<typeof repoRoute>>[0]) =>
    r.ctx.isOrg(r.params.owner ?? "")
      ? inner(r)
      : foreign(r.ctx, r.params.owner!, r.params.repo!, r.params.ref!);
}

function flatten(t: GitTree, recursive: boolean, out: unknown[], ctx: SimContext, full: string): unknown[] {
  for (const e of t.entries) {
    const url = `${ctx.baseUrl}/repos/${full}/git/${e.type === "tree" ? "trees" : "blobs"}/${e.oid}`;
    out.push(
      e.type === "tree"
        ? { path: e.path, mode: "040000", type: "tree", sha: e.oid, url }
        : { path: e.path, mode: "100644", type: "blob", sha: e.oid, size: e.byteSize, url },
    );
    if (recursive && e.type === "tree") flatten(e, true, out, ctx, full);
  }
  return out;
}

export const gitRoutes: RouteTable = {
  "GET /repos/{owner}/{repo}/git/trees/{tree_sha}": repoRoute(({ ctx, params, query }, repo) => {
    const git = ctx.git(repo);
    const sha = params.tree_sha!;
    const tree = resolveCommit(ctx, repo, sha) ? git.root : git.byOid.get(sha);
    if (!tree || tree.type !== "tree") return notFound();
    const full = `${ctx.org.login}/${repo.name}`;
    return ok({
      sha: tree.oid,
      url: `${ctx.baseUrl}/repos/${full}/git/trees/${tree.oid}`,
      tree: flatten(tree, ["1", "true"].includes(query.get("recursive") ?? ""), [], ctx, full),
      truncated: false,
    });
  }),
  "GET /repos/{owner}/{repo}/commits/{ref}": withActionRefs(
    ({ ctx, params }, repo) => {
      const sha = resolveCommit(ctx, repo, params.ref!);
      return sha
        ? ok(
            commitJson(
              ctx,
              `${ctx.org.login}/${repo.name}`,
              sha,
              ctx.git(repo).root.oid,
              repo.config.pushedAt,
              repo.config.headMessage,
            ),
          )
        : {
            status: 422,
            body: {
              message: `No commit found for SHA: ${params.ref}`,
              documentation_url: "https://docs.github.com/rest/commits/commits#get-a-commit",
              status: "422",
            },
          };
    },
    (ctx, owner, repo, ref) => {
      const sha = /^[0-9a-f]{40}$/.test(ref) ? ref : actionRef(ctx, owner, repo, ref);
      return sha
        ? ok(commitJson(ctx, `${owner}/${repo}`, sha, null, "2024-01-01T00:00:00Z", `Release ${ref}`))
        : notFound();
    },
  ),
  "GET /repos/{owner}/{repo}/git/ref/{ref}": withActionRefs(
    ({ ctx, params }, repo) => {
      const sha = params.ref!.startsWith("heads/") ? resolveCommit(ctx, repo, params.ref!) : null;
      const full = `${ctx.org.login}/${repo.name}`;
      return sha
        ? ok({
            ref: `refs/${params.ref}`,
            node_id: `REF_${Buffer.from(`${repo.id}:${params.ref}`).toString("base64url")}`,
            url: `${ctx.baseUrl}/repos/${full}/git/refs/${params.ref}`,
            object: { type: "commit", sha, url: `${ctx.baseUrl}/repos/${full}/git/commits/${sha}` },
          })
        : notFound();
    },
    (ctx, owner, repo, ref) => {
      const sha = /^(tags|heads)\//.test(ref) ? actionRef(ctx, owner, repo, ref) : undefined;
      const full = `${owner}/${repo}`;
      return sha
        ? ok({
            ref: `refs/${ref}`,
            node_id: `REF_${Buffer.from(`${full}:${ref}`).toString("base64url")}`,
            url: `${ctx.baseUrl}/repos/${full}/git/refs/${ref}`,
            object: { type: "commit", sha, url: `${ctx.baseUrl}/repos/${full}/git/commits/${sha}` },
          })
        : notFound();
    },
  ),
  "GET /repos/{owner}/{repo}/branches/{branch}": repoRoute(({ ctx, params }, repo) => {
    if (params.branch !== repo.config.defaultBranch)
      return {
        status: 404,
        body: {
          message: "Branch not found",
          documentation_url: "https://docs.github.com/rest/branches/branches#get-a-branch",
          status: "404",
        },
      };
    const full = `${ctx.org.login}/${repo.name}`;
    const git = ctx.git(repo);
    const isProtected = repo.config.branchProtection.some((b) => branchMatches(b.pattern, params.branch!));
    return ok({
      name: params.branch,
      commit: commitJson(
        ctx,
        full,
        git.commitOid,
        git.root.oid,
        repo.config.pushedAt,
        repo.config.headMessage,
      ),
      _links: {
        html: `${ctx.baseUrl}/${full}/tree/${params.branch}`,
        self: `${ctx.baseUrl}/repos/${full}/branches/${params.branch}`,
      },
      protected: isProtected,
      protection: { enabled: isProtected },
      protection_url: `${ctx.baseUrl}/repos/${full}/branches/${params.branch}/protection`,
    });
  }),
  "GET /repos/{owner}/{repo}/contents/{path}": repoRoute(({ ctx, params, query }, repo) => {
    const ref = query.get("ref");
    if (ref && !resolveCommit(ctx, repo, ref)) return notFound();
    const o = ctx.git(repo).byPath.get(params.path!.replace(/^\/+|\/+$/g, ""));
    if (!o || o.type !== "blob")
      return notFound("https://docs.github.com/rest/repos/contents#get-repository-content");
    const full = `${ctx.org.login}/${repo.name}`;
    const url = `${ctx.baseUrl}/repos/${full}/contents/${o.path}`;
    const git_url = `${ctx.baseUrl}/repos/${full}/git/blobs/${o.oid}`;
    const html_url = `${ctx.baseUrl}/${full}/blob/${repo.config.defaultBranch}/${o.path}`;
    return ok({
      type: "file",
      encoding: "base64",
      size: o.byteSize,
      name: o.name,
      path: o.path,
      content: Buffer.from(o.text).toString("base64"),
      sha: o.oid,
      url,
      git_url,
      html_url,
      download_url: null,
      _links: { self: url, git: git_url, html: html_url },
    });
  }),
};
