import type { SimContext } from "../context";
import type { RepoFixture } from "../fixture/types";
import type { TokenInfo } from "../tokens";
import { errorBody, notFound, type RestHandler, type RestRequest, type RestResponse } from "./types";

// Who may read what. Installation tokens and org owners read everything; other users need
// admin on the repository for admin-only settings, as on GitHub.

export function isOrgAdmin(ctx: SimContext, auth: TokenInfo | null): boolean {
  if (!auth) return false;
  if (auth.kind === "installation") return true;
  return ctx.org.members.some(
    (m) => m.role === "admin" && m.login.toLowerCase() === auth.login.toLowerCase(),
  );
}

function canAdminRepo(ctx: SimContext, auth: TokenInfo | null, repo: RepoFixture): boolean {
  if (isOrgAdmin(ctx, auth)) return true;
  const login = auth?.login.toLowerCase();
  if (repo.config.collaborators.some((c) => c.permission === "admin" && c.login.toLowerCase() === login))
    return true;
  return ctx.org.teams.some(
    (t) => t.repos[repo.name] === "admin" && t.members.some((m) => m.toLowerCase() === login),
  );
}

function canSeeRepo(ctx: SimContext, auth: TokenInfo | null, repo: RepoFixture): boolean {
  if (repo.config.visibility === "public" || isOrgAdmin(ctx, auth)) return true;
  const login = auth?.login.toLowerCase();
  return (
    ctx.org.members.some((m) => m.login.toLowerCase() === login) ||
    repo.config.collaborators.some((c) => c.login.toLowerCase() === login)
  );
}

type RepoHandler = (r: RestRequest, repo: RepoFixture) => RestResponse;

/** Resolves {owner}/{repo}; 404 when missing or invisible to the token, like GitHub. */
export function repoRoute(fn: RepoHandler, opts: { admin?: boolean; docs?: string } = {}): RestHandler {
  return (r) => {
    const repo = r.ctx.repo(r.params.owner ?? "", r.params.repo ?? "");
    if (!repo || !canSeeRepo(r.ctx, r.auth, repo)) return notFound(opts.docs);
    if (opts.admin && !canAdminRepo(r.ctx, r.auth, repo))
      return errorBody(403, "Must have admin rights to Repository.", opts.docs);
    return fn(r, repo);
  };
}

/** Resolves {org}; 404 for any other organisation. */
export function orgRoute(fn: (r: RestRequest) => RestResponse, opts: { admin?: boolean } = {}): RestHandler {
  return (r) => {
    if (!r.ctx.isOrg(r.params.org ?? "")) return notFound();
    if (opts.admin && !isOrgAdmin(r.ctx, r.auth))
      return errorBody(403, "You must be an org admin to access this endpoint.");
    return fn(r);
  };
}
