import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateOrg } from "./generator/generate";
import { startSimulator, type Simulator } from "./index";

// The benchmark syncs a 10,000-repository org: the simulator must serve it quickly and
// without holding per-repository copies of file texts.

let sim: Simulator;
let heapBefore = 0;

beforeAll(async () => {
  global.gc?.();
  heapBefore = process.memoryUsage().heapUsed;
  sim = await startSimulator({ fixture: generateOrg({ repos: 10_000, seed: 42 }) });
});
afterAll(() => sim.close());

describe("a 10,000-repository org", () => {
  it("pages through every repository with file texts over GraphQL", async () => {
    const token = sim.fixture.org.tokens[0]!.token;
    const query = `query($after: String) { organization(login: "synthetic-org") { repositories(first: 100, after: $after) { pageInfo { hasNextPage endCursor }
      nodes { name defaultBranchRef { target { ... on Commit { tree { oid } } } } object(expression: "HEAD:.github/workflows") { ... on Tree { entries { name object { ... on Blob { byteSize text } } } } } } } } }`;
    let after: string | null = null;
    let seen = 0;
    do {
      const res = await fetch(`${sim.url}/graphql`, {
        method: "POST",
        headers: { authorization: `bearer ${token}` },
        body: JSON.stringify({ query, variables: { after } }),
      });
      const body = (await res.json()) as {
        data: {
          organization: {
            repositories: { nodes: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
          };
        };
      };
      const conn = body.data.organization.repositories;
      seen += conn.nodes.length;
      after = conn.pageInfo.hasNextPage ? conn.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toBe(10_000);
    // 100 pages of repositories(first: 100): 1 request each → 1 point each.
    expect(sim.stats.graphqlPoints).toBe(100);
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
    console.log(`10k repos: 100 GraphQL pages, heap +${heapMb.toFixed(0)} MB`);
    expect(heapMb).toBeLessThan(600);
  });
});
