/* eslint-disable @typescript-eslint/no-explicit-any -- wire JSON is probed field by field in assertions */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "./index";
import { matchSpecRoute } from "./rest/router";
import { validateResponse } from "./testing/openapi-validator";

const FIXTURE = path.resolve(__dirname, "../fixtures/orgs/tiny");
const PAT = "ghp_tinytoken0000000000000000000000000000";
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ fixture: FIXTURE });
});
afterAll(() => sim.close());

const get = (p: string, headers: Record<string, string> = {}, token = PAT) =>
  fetch(`${sim.url}${p}`, { headers: { authorization: `token ${token}`, ...headers } });

const ROUTES = [
  "/orgs/tiny-org",
  "/orgs/tiny-org/repos",
  "/repos/tiny-org/api",
  "/repos/tiny-org/api/branches/main/protection",
  "/repos/tiny-org/api/rulesets",
  "/repos/tiny-org/api/rulesets/101",
  "/repos/tiny-org/api/rules/branches/main",
  "/orgs/tiny-org/actions/permissions",
  "/orgs/tiny-org/actions/permissions/workflow",
  "/repos/tiny-org/api/actions/permissions",
  "/repos/tiny-org/api/actions/permissions/workflow",
  "/repos/tiny-org/api/actions/permissions/selected-actions",
  "/repos/tiny-org/api/actions/secrets",
  "/repos/tiny-org/api/actions/organization-secrets",
  "/orgs/tiny-org/actions/secrets",
  "/repos/tiny-org/api/environments",
  "/repos/tiny-org/api/environments/production",
  "/repos/tiny-org/api/environments/production/deployment-branch-policies",
  "/repos/tiny-org/api/environments/production/secrets",
  "/repos/tiny-org/api/actions/oidc/customization/sub",
  "/repos/tiny-org/api/hooks",
  "/repos/tiny-org/api/keys",
  "/repos/tiny-org/api/collaborators?affiliation=outside",
  "/repos/tiny-org/api/collaborators?affiliation=all",
  "/repos/tiny-org/api/secret-scanning/alerts",
  "/repos/tiny-org/api/dependabot/alerts",
  "/orgs/tiny-org/secret-scanning/alerts?state=open",
  "/orgs/tiny-org/dependabot/alerts?state=open",
  "/repos/tiny-org/api/releases",
  "/orgs/tiny-org/packages?package_type=container",
  "/orgs/tiny-org/packages/container/api/versions",
  "/repos/tiny-org/api/attestations/sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
  "/repos/tiny-org/api/git/trees/main?recursive=1",
  "/repos/tiny-org/api/commits/main",
  "/repos/tiny-org/api/git/ref/heads/main",
  "/repos/actions/checkout/git/ref/tags/v4",
  "/repos/tiny-org/api/contents/.github/workflows/ci.yml",
  "/repos/tiny-org/api/branches/main",
  "/rate_limit",
  "/user",
  "/user/emails",
];

describe("REST routes", () => {
  it.each(ROUTES)("GET %s answers 200 with a body valid against GitHub's OpenAPI schema", async (p) => {
    const res = await get(p);
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    const m = matchSpecRoute("GET", p.split("?")[0]!)!;
    expect(validateResponse("GET", m.template, 200, body)).toBeNull();
  });

  it("serves the fixture's settings faithfully", async () => {
    const bp = (await (await get("/repos/tiny-org/api/branches/main/protection")).json()) as any;
    expect(bp.required_pull_request_reviews).toMatchObject({
      required_approving_review_count: 2,
      require_code_owner_reviews: true,
    });
    expect(bp.enforce_admins.enabled).toBe(true);
    const outside = (await (
      await get("/repos/tiny-org/api/collaborators?affiliation=outside")
    ).json()) as any[];
    expect(outside.map((c) => c.login)).toEqual(["contractor1"]);
    const ref = (await (await get("/repos/actions/checkout/git/ref/tags/v4")).json()) as any;
    expect(ref.object.sha).toBe("11bd71901bbe5b1630ceea73d27597364c9af683");
    const rules = (await (await get("/repos/tiny-org/api/rules/branches/main")).json()) as any[];
    expect(rules.map((r) => r.type)).toEqual(["deletion", "non_fast_forward", "pull_request"]);
    expect((await get("/repos/tiny-org/docs/branches/main/protection")).status).toBe(404);
  });

  it("answers 404 like GitHub for routes or methods GitHub does not have", async () => {
    const res = await get("/repos/tiny-org/api/not-a-route");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      message: "Not Found",
      documentation_url: "https://docs.github.com/rest",
      status: "404",
    });
    const wrongMethod = await fetch(`${sim.url}/orgs/tiny-org/actions/permissions/workflow`, {
      method: "POST",
      headers: { authorization: `token ${PAT}` },
    });
    expect(wrongMethod.status).toBe(404);
    expect((await get("/repos/tiny-org/nope")).status).toBe(404);
  });

  it("limits admin-only settings to admins", async () => {
    const eve = sim.issueToken("sam");
    expect((await get("/repos/tiny-org/api/branches/main/protection", {}, eve)).status).toBe(403);
    expect((await get("/repos/tiny-org/api", {}, eve)).status).toBe(200);
  });
});

describe("conditional requests, pagination and rate-limit headers", () => {
  it("sends a weak ETag per token and answers If-None-Match with an uncharged 304", async () => {
    const token = sim.issueToken("ada");
    const first = await get("/repos/tiny-org/api", {}, token);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"[0-9a-f]{64}"$/);
    expect(first.headers.get("x-ratelimit-remaining")).toBe("4999");
    const again = await get("/repos/tiny-org/api", { "if-none-match": etag }, token);
    expect(again.status).toBe(304);
    expect(again.headers.get("x-ratelimit-remaining")).toBe("4999");
    expect(sim.stats.byToken[token]).toMatchObject({ rest: 1, notModified: 1 });
    const other = await get("/repos/tiny-org/api", {}, sim.issueToken("ada"));
    expect(other.headers.get("etag")).not.toBe(etag);
  });

  it("paginates with per_page/page and a Link header", async () => {
    const res = await get("/orgs/tiny-org/repos?per_page=1");
    expect(((await res.json()) as any[]).map((r) => r.name)).toEqual(["api"]);
    const link = res.headers.get("link")!;
    expect(link).toContain('rel="next"');
    expect(link).toContain('rel="last"');
    const next = /<([^>]+)>; rel="next"/.exec(link)![1]!;
    expect(new URL(next).searchParams.get("page")).toBe("2");
    const page2 = await fetch(next, { headers: { authorization: `token ${PAT}` } });
    expect(((await page2.json()) as any[]).map((r) => r.name)).toEqual(["docs"]);
    expect(page2.headers.get("link")).toContain('rel="prev"');
    expect(page2.headers.get("link")).not.toContain('rel="next"');
    expect(res.headers.get("x-ratelimit-resource")).toBe("core");
    expect(Number(res.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);
  });

  it("caps per_page at 100", async () => {
    const res = await get("/orgs/tiny-org/repos?per_page=500");
    expect(res.headers.get("link")).toBeNull();
  });
});
