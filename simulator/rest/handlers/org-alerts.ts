import type { SimContext } from "../../context";
import type { RepoFixture } from "../../fixture/types";
import { orgRoute } from "../access";
import { dependabotAlertJson, secretAlertJson } from "../alerts-json";
import { simpleRepo } from "../json-repo";
import { errorBody, type RestRequest, type RestResponse, type RouteTable } from "../types";

// Organisation-wide alert lists: one paged list for the whole org instead of one request
// per repository. Each item names its repository (simple-repository). Dependabot's list
// pages by cursor only (GitHub answers 400 to `page`); secret scanning pages by `page`
// unless a `before`/`after` cursor is given.

const DEPENDABOT_DOCS =
  "https://docs.github.com/rest/dependabot/alerts#list-dependabot-alerts-for-an-organization";

/** JSON is built for the requested page only: a 10,000-repository org has thousands of alerts. */
interface Item {
  key: string;
  createdAt: string;
  json: () => Record<string, unknown>;
}

const csv = (q: URLSearchParams, name: string) =>
  q
    .get(name)
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** GitHub's default order: newest first (`sort=created`, `direction=desc`). */
function sorted(items: Item[], q: URLSearchParams): Item[] {
  const asc = q.get("direction") === "asc";
  return items.sort(
    (a, b) => (asc ? 1 : -1) * (a.createdAt.localeCompare(b.createdAt) || a.key.localeCompare(b.key)),
  );
}

function paged(items: Item[], only: boolean): RestResponse {
  return {
    status: 200,
    body: null,
    paginate: {
      items,
      wrap: (page) => page.map((i) => (i as Item).json()),
      cursor: { only, key: (i) => (i as Item).key },
    },
  };
}

function withRepository(ctx: SimContext, repo: RepoFixture, json: Record<string, unknown>) {
  return { ...json, repository: simpleRepo(ctx, repo) };
}

function secretScanning({ ctx, query }: RestRequest): RestResponse {
  const state = query.get("state");
  const types = csv(query, "secret_type");
  const items: Item[] = [];
  for (const repo of ctx.fixture.repos) {
    if (!repo.config.security.secretScanning) continue;
    for (const a of repo.config.secretScanningAlerts) {
      if ((state && a.state !== state) || (types && !types.includes(a.secretType))) continue;
      items.push({
        key: `${repo.id}:${a.number}`,
        createdAt: a.createdAt,
        json: () => withRepository(ctx, repo, secretAlertJson(ctx, repo, a)),
      });
    }
  }
  return paged(sorted(items, query), false);
}

function dependabot({ ctx, query }: RestRequest): RestResponse {
  if (query.has("page"))
    return errorBody(400, "Pagination using the `page` parameter is not supported.", DEPENDABOT_DOCS);
  const states = csv(query, "state");
  const severities = csv(query, "severity");
  const ecosystems = csv(query, "ecosystem");
  const packages = csv(query, "package");
  const items: Item[] = [];
  for (const repo of ctx.fixture.repos) {
    if (!repo.config.security.dependabotAlerts) continue;
    for (const a of repo.config.dependabotAlerts) {
      if (
        (states && !states.includes(a.state)) ||
        (severities && !severities.includes(a.severity)) ||
        (ecosystems && !ecosystems.includes(a.ecosystem)) ||
        (packages && !packages.includes(a.packageName))
      )
        continue;
      items.push({
        key: `${repo.id}:${a.number}`,
        createdAt: a.createdAt,
        json: () => withRepository(ctx, repo, dependabotAlertJson(ctx, repo, a)),
      });
    }
  }
  return paged(sorted(items, query), true);
}

export const orgAlertRoutes: RouteTable = {
  "GET /orgs/{org}/secret-scanning/alerts": orgRoute(secretScanning, { admin: true }),
  "GET /orgs/{org}/dependabot/alerts": orgRoute(dependabot, { admin: true }),
};
