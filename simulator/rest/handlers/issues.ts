import type { SimContext } from "../../context";
import { stableId, type RepoFixture } from "../../fixture/types";
import { repoRoute } from "../access";
import { errorBody, notFound, ok, type RouteTable } from "../types";
import { userJsonFor } from "./people";

// Issues a client opens (Gatehouse's "Open as GitHub issue"), kept in memory per running
// simulator. Bodies follow GitHub's `issue` schema (checked in rest-issues.integration.test.ts).

const DOCS = "https://docs.github.com/rest/issues/issues#create-an-issue";
const opened = new WeakMap<SimContext, Map<string, unknown[]>>();

function issuesOf(ctx: SimContext, repo: RepoFixture): unknown[] {
  let byRepo = opened.get(ctx);
  if (!byRepo) opened.set(ctx, (byRepo = new Map()));
  let list = byRepo.get(repo.name);
  if (!list) byRepo.set(repo.name, (list = []));
  return list;
}

function issueJson(
  ctx: SimContext,
  repo: RepoFixture,
  n: number,
  title: string,
  body: string | null,
  login: string,
) {
  const api = `${ctx.baseUrl}/repos/${ctx.org.login}/${repo.name}`;
  const at = new Date(ctx.now()).toISOString().replace(/\.\d{3}Z$/, "Z");
  const id = stableId(`issue:${repo.id}:${n}`);
  return {
    id,
    node_id: `I_${Buffer.from(String(id)).toString("base64url")}`,
    url: `${api}/issues/${n}`,
    repository_url: api,
    labels_url: `${api}/issues/${n}/labels{/name}`,
    comments_url: `${api}/issues/${n}/comments`,
    events_url: `${api}/issues/${n}/events`,
    html_url: `${ctx.baseUrl}/${ctx.org.login}/${repo.name}/issues/${n}`,
    number: n,
    state: "open",
    title,
    body,
    user: userJsonFor(ctx, login),
    labels: [],
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments: 0,
    closed_at: null,
    created_at: at,
    updated_at: at,
    author_association: "MEMBER",
  };
}

export const issueRoutes: RouteTable = {
  "POST /repos/{owner}/{repo}/issues": repoRoute(({ ctx, body, auth }, repo) => {
    const input = (body ?? {}) as { title?: unknown; body?: unknown };
    if (typeof input.title !== "string" || input.title.trim() === "")
      return errorBody(422, "Validation Failed: title is required", DOCS);
    if (input.body !== undefined && input.body !== null && typeof input.body !== "string")
      return errorBody(422, "Validation Failed: body must be a string", DOCS);
    const list = issuesOf(ctx, repo);
    const issue = issueJson(
      ctx,
      repo,
      list.length + 1,
      input.title,
      input.body ?? null,
      auth?.login ?? "ghost",
    );
    list.push(issue);
    return ok(issue, 201);
  }),
  "GET /repos/{owner}/{repo}/issues/{issue_number}": repoRoute(({ ctx, params }, repo) => {
    const issue = issuesOf(ctx, repo)[Number(params.issue_number) - 1];
    return issue ? ok(issue) : notFound(DOCS);
  }),
};
