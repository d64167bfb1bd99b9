/* eslint-disable @typescript-eslint/no-explicit-any -- wire JSON is probed field by field in assertions */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "./index";

const FIXTURE = path.resolve(__dirname, "../fixtures/orgs/tiny");
let sim: Simulator;
let token: string;

beforeAll(async () => {
  sim = await startSimulator({ fixture: FIXTURE });
  token = sim.issueToken("ada");
});
afterAll(() => sim.close());

async function gql(query: string, variables: Record<string, unknown> = {}, tok = token) {
  const res = await fetch(`${sim.url}/graphql`, {
    method: "POST",
    headers: { authorization: `bearer ${tok}`, "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json()) as { data?: any; errors?: any[] },
  };
}

const SYNC_QUERY = `query($org: String!, $after: String) {
  organization(login: $org) {
    repositories(first: 1, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { id name nameWithOwner isArchived visibility pushedAt
        defaultBranchRef { name target { oid ... on Commit { tree { oid } } } }
        branchProtectionRules(first: 10) { nodes { pattern requiredApprovingReviewCount isAdminEnforced requiresCodeOwnerReviews } }
        environments(first: 10) { nodes { name protectionRules(first: 5) { nodes { type preventSelfReview reviewers(first: 5) { nodes { ... on User { login } ... on Team { slug } } } } } } }
        workflows: object(expression: "HEAD:.github/workflows") { ... on Tree { entries { name path type object { ... on Blob { text isTruncated byteSize oid } } } } }
      }
    }
  }
  rateLimit { cost remaining limit used nodeCount resetAt }
}`;

describe("GraphQL endpoint", () => {
  it("serves repositories, settings and file texts with pagination and the query's cost", async () => {
    const first = await gql(SYNC_QUERY, { org: "tiny-org" });
    expect(first.status).toBe(200);
    expect(first.body.errors).toBeUndefined();
    const conn = first.body.data.organization.repositories;
    expect(conn.totalCount).toBe(2);
    expect(conn.pageInfo.hasNextPage).toBe(true);
    const api = conn.nodes[0];
    expect(api).toMatchObject({
      name: "api",
      nameWithOwner: "tiny-org/api",
      visibility: "PRIVATE",
      isArchived: false,
      pushedAt: "2024-05-01T12:00:00Z",
    });
    expect(api.defaultBranchRef.target.oid).toMatch(/^[0-9a-f]{40}$/);
    expect(api.branchProtectionRules.nodes[0]).toEqual({
      pattern: "main",
      requiredApprovingReviewCount: 2,
      isAdminEnforced: true,
      requiresCodeOwnerReviews: true,
    });
    expect(api.environments.nodes[0].protectionRules.nodes[0]).toMatchObject({
      type: "REQUIRED_REVIEWERS",
      reviewers: { nodes: [{ login: "sam" }] },
    });
    const ci = api.workflows.entries[0];
    expect(ci).toMatchObject({ name: "ci.yml", path: ".github/workflows/ci.yml", type: "blob" });
    expect(ci.object.text).toContain("actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683");
    expect(ci.object.isTruncated).toBe(false);
    // 1 (repositories) + 1 + 1 (rules, environments) + 10 (protectionRules) + 50 (reviewers) = 63 → 1
    expect(first.body.data.rateLimit).toMatchObject({ cost: 1, limit: 5000, used: 1, remaining: 4999 });
    expect(first.headers.get("x-ratelimit-resource")).toBe("graphql");

    const second = await gql(SYNC_QUERY, { org: "tiny-org", after: conn.pageInfo.endCursor });
    expect(second.body.data.organization.repositories.nodes[0].name).toBe("docs");
    expect(second.body.data.organization.repositories.pageInfo.hasNextPage).toBe(false);
    expect(sim.stats.byToken[token]).toMatchObject({ graphql: 2, graphqlPoints: 2 });
  });

  it("gives a stable tree oid until a push changes a file", async () => {
    const q = `{ repository(owner: "tiny-org", name: "docs") { pushedAt defaultBranchRef { target { ... on Commit { oid tree { oid } } } }
      wf: object(expression: "HEAD:.github/workflows") { ... on Tree { oid } } readme: object(expression: "HEAD:README.md") { ... on Blob { oid text } } } }`;
    const a = (await gql(q)).body.data.repository;
    expect((await gql(q)).body.data.repository).toEqual(a);
    // git's own blob id for "# docs\n"
    // The ids git itself computes for these files (git hash-object / git write-tree).
    expect(a.readme.oid).toBe("9b693281560ca6be7cb405a08f9268819adefefd");
    expect(a.defaultBranchRef.target.tree.oid).toBe("aacf7f9128583fbefca40eb460bcf6385bf53c41");
    sim.push("docs", { files: { "README.md": "# docs v2\n" }, message: "docs: v2" });
    const b = (await gql(q)).body.data.repository;
    expect(b.readme.text).toBe("# docs v2\n");
    expect(b.readme.oid).not.toBe(a.readme.oid);
    expect(b.defaultBranchRef.target.oid).not.toBe(a.defaultBranchRef.target.oid);
    expect(b.defaultBranchRef.target.tree.oid).not.toBe(a.defaultBranchRef.target.tree.oid);
    expect(b.wf.oid).toBe(a.wf.oid);
    expect(Date.parse(b.pushedAt)).toBeGreaterThan(Date.parse(a.pushedAt));
  });

  it("fails an unknown field exactly like GitHub: HTTP 200, errors, no data, no points", async () => {
    const before = sim.stats.graphqlPoints;
    const r = await gql(`query { repository(owner: "tiny-org", name: "api") { name fooBar } }`);
    expect(r.status).toBe(200);
    expect(r.body.data).toBeUndefined();
    expect(r.body.errors).toEqual([
      {
        message: "Field 'fooBar' doesn't exist on type 'Repository'",
        extensions: { code: "undefinedField", typeName: "Repository", fieldName: "fooBar" },
        path: ["query", "repository", "fooBar"],
        locations: [{ line: 1, column: 59 }],
      },
    ]);
    expect(sim.stats.graphqlPoints).toBe(before);
  });

  it("reports missing arguments, parse errors and missing pagination like GitHub", async () => {
    expect((await gql(`{ repository(name: "api") { name } }`)).body.errors?.[0]).toMatchObject({
      message: "Field 'repository' is missing required arguments: owner",
      extensions: { code: "missingRequiredArguments" },
    });
    expect((await gql(`{ repository(owner: "a", name: "b") { name `)).body.errors?.[0]?.message).toMatch(
      /^Parse error on end of string at \[1, \d+\]$/,
    );
    expect(
      (await gql(`{ organization(login: "tiny-org") { repositories { totalCount } } }`)).body.errors?.[0],
    ).toMatchObject({ type: "MISSING_PAGINATION_BOUNDARIES" });
  });

  it("answers NOT_FOUND with a null field and resolves nodes(ids:)", async () => {
    const r = await gql(`{ repository(owner: "tiny-org", name: "nope") { name } }`);
    expect(r.body.data).toEqual({ repository: null });
    expect(r.body.errors?.[0]).toMatchObject({
      type: "NOT_FOUND",
      path: ["repository"],
      message: "Could not resolve to a Repository with the name 'tiny-org/nope'.",
    });
    const id = (await gql(`{ repository(owner: "tiny-org", name: "api") { id } }`)).body.data.repository.id;
    const n = await gql(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Repository { name } } }`, {
      ids: [id, "R_bogus"],
    });
    expect(n.body.data.nodes).toEqual([{ name: "api" }, null]);
    expect(n.body.errors?.[0]).toMatchObject({ type: "NOT_FOUND", path: ["nodes", 1] });
  });

  it("truncates blob text on demand with isTruncated", async () => {
    sim.setFaults({ rules: [{ kind: "truncate-blobs", files: ".github/workflows/*.yml", maxBytes: 10 }] });
    const r = await gql(
      `{ repository(owner: "tiny-org", name: "api") { object(expression: "HEAD:.github/workflows/ci.yml") { ... on Blob { text isTruncated byteSize } } } }`,
    );
    sim.setFaults(undefined);
    expect(r.body.data.repository.object).toMatchObject({ text: "name: CI\no", isTruncated: true });
    expect(r.body.data.repository.object.byteSize).toBeGreaterThan(10);
  });

  it("orders organization repositories by orderBy (sync lists by NAME ASC)", async () => {
    const names = async (order: string) =>
      (
        await gql(
          `{ organization(login: "tiny-org") { repositories(first: 10, orderBy: ${order}) { nodes { name } } } }`,
        )
      ).body.data.organization.repositories.nodes.map((n: any) => n.name);
    expect(await names("{ field: NAME, direction: DESC }")).toEqual(["docs", "api"]);
    expect(await names("{ field: NAME, direction: ASC }")).toEqual(["api", "docs"]);
    // An earlier test pushed to a repository: the order follows the live pushedAt.
    const byPush = [...sim.fixture.repos]
      .sort((a, b) => a.config.pushedAt.localeCompare(b.config.pushedAt))
      .map((r) => r.name);
    expect(await names("{ field: PUSHED_AT, direction: ASC }")).toEqual(byPush);
    expect(await names("{ field: PUSHED_AT, direction: DESC }")).toEqual([...byPush].reverse());
  });

  it("refuses requests without a valid token", async () => {
    expect((await gql("{ viewer { login } }", {}, "nope")).status).toBe(401);
  });
});
