/* eslint-disable @typescript-eslint/no-explicit-any -- wire JSON is probed field by field in assertions */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "./index";

// The demo org is what `npm run demo` and new users see first: it must load, offer one
// user per role, and serve every repository's files through the sync-style GraphQL query.

const DEMO = path.resolve(__dirname, "../fixtures/orgs/demo");
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ fixture: DEMO });
});
afterAll(() => sim.close());

describe("demo org fixture", () => {
  it("has about 40 repositories, one user per role and the documented OAuth app", () => {
    const fx = sim.fixture;
    expect(fx.repos.length).toBeGreaterThanOrEqual(38);
    expect(fx.org.users.map((u) => u.role)).toEqual(["admin", "security lead", "engineer", "auditor"]);
    expect(fx.org.oauthApp).toMatchObject({
      clientId: "gatehouse-demo",
      clientSecret: "gatehouse-demo-secret",
    });
    const protectedShare =
      fx.repos.filter((r) => r.config.branchProtection.length > 0 || r.config.rulesets.length > 0).length /
      fx.repos.length;
    expect(protectedShare).toBeGreaterThan(0.3);
    expect(protectedShare).toBeLessThan(0.9);
    expect(
      fx.repos.filter((r) => Object.keys(r.files).some((f) => f.startsWith(".github/workflows/"))).length,
    ).toBeGreaterThan(30);
  });

  it("serves every repository with its workflow texts over GraphQL without errors", async () => {
    const token = sim.fixture.org.tokens[0]!.token;
    const query = `query($after: String) { organization(login: "acme") { repositories(first: 50, after: $after) { pageInfo { hasNextPage endCursor }
      nodes { name defaultBranchRef { target { ... on Commit { tree { oid } } } } object(expression: "HEAD:.github/workflows") { ... on Tree { entries { name object { ... on Blob { text isTruncated } } } } } } } } }`;
    let after: string | null = null;
    let files = 0;
    let repos = 0;
    do {
      const res = await fetch(`${sim.url}/graphql`, {
        method: "POST",
        headers: { authorization: `bearer ${token}` },
        body: JSON.stringify({ query, variables: { after } }),
      });
      const body = (await res.json()) as { data: any; errors?: unknown };
      expect(body.errors).toBeUndefined();
      const conn = body.data.organization.repositories;
      for (const n of conn.nodes) {
        repos += 1;
        for (const e of n.object?.entries ?? []) {
          expect(typeof e.object.text).toBe("string");
          files += 1;
        }
      }
      after = conn.pageInfo.hasNextPage ? conn.pageInfo.endCursor : null;
    } while (after);
    expect(repos).toBe(sim.fixture.repos.length);
    expect(files).toBeGreaterThan(100);
  });
});
