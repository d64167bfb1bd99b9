import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { computeCost, selectOperation } from "./cost";
import { githubSchema } from "./schema";

function cost(query: string, variables: Record<string, unknown> = {}) {
  const doc = parse(query);
  return computeCost(githubSchema(), doc, selectOperation(doc)!, variables);
}

describe("GraphQL cost (GitHub's formula)", () => {
  it("reproduces the example from GitHub's docs: 1 + 100 + 5,000 requests → 51 points", () => {
    const r = cost(
      `query { viewer { login repositories(first: 100) { edges { node { id issues(first: 50) { edges { node { id labels(first: 60) { edges { node { id name } } } } } } } } } } }`,
    );
    expect(r.requests).toBe(5101);
    expect(r.cost).toBe(51);
    expect(r.nodes).toBe(100 + 100 * 50 + 100 * 50 * 60);
  });

  it("charges at least one point and nothing extra for plain lists (Tree.entries)", () => {
    expect(
      cost(
        `{ repository(owner:"a", name:"b") { object(expression:"HEAD:") { ... on Tree { entries { name object { ... on Blob { text } } } } } } }`,
      ).cost,
    ).toBe(1);
  });

  it("multiplies nested connections through fragments and variables", () => {
    const r = cost(
      `query($n: Int!) { organization(login:"o") { repositories(first: $n) { nodes { ...R } } } }
       fragment R on Repository { branchProtectionRules(first: 10) { nodes { pattern } } environments(first: 5) { nodes { name } } }`,
      { n: 100 },
    );
    // 1 (repositories) + 100 (branchProtectionRules) + 100 (environments) = 201 → 2
    expect(r.requests).toBe(201);
    expect(r.cost).toBe(2);
  });

  it("rounds 150 requests to 2 and sums sibling connections", () => {
    const r = cost(
      `{ organization(login:"o") { a: repositories(first: 50) { nodes { rulesets(first: 3) { totalCount } } } b: repositories(first: 99) { totalCount } } }`,
    );
    expect(r.requests).toBe(1 + 50 + 1);
    expect(r.cost).toBe(1);
    const r2 = cost(
      `{ organization(login:"o") { repositories(first: 50) { nodes { a: rulesets(first: 3) { totalCount } b: environments(first: 1) { totalCount } c: branchProtectionRules(first: 1) { totalCount } } } } }`,
    );
    expect(r2.requests).toBe(151);
    expect(r2.cost).toBe(2);
  });

  it("counts Repository.collaborators and the protection rule's bypassPullRequestAllowances per repository", () => {
    const r = cost(`{ organization(login:"o") { repositories(first: 100) { nodes {
      collaborators(affiliation: OUTSIDE, first: 20) { edges { permission node { login } } }
      defaultBranchRef { branchProtectionRule { pattern bypassPullRequestAllowances(first: 10) { nodes { actor { __typename } } } } } } } } }`);
    // Ref.branchProtectionRule is an object, not a connection: only its allowances count.
    expect(r.requests).toBe(1 + 100 + 100);
    expect(r.nodes).toBe(100 + 100 * 20 + 100 * 10);
    expect(r.cost).toBe(2);
  });

  it("refuses connections without first/last and pages above 100, and too many nodes", () => {
    expect(cost(`{ organization(login:"o") { repositories { totalCount } } }`).errors[0]).toMatchObject({
      type: "MISSING_PAGINATION_BOUNDARIES",
    });
    expect(
      cost(`{ organization(login:"o") { repositories(first: 101) { totalCount } } }`).errors[0]?.message,
    ).toBe(
      "Requesting 101 records on the `repositories` connection exceeds the `first` limit of 100 records.",
    );
    const big = cost(
      `{ organization(login:"o") { repositories(first: 100) { nodes { issues(first: 100) { nodes { labels(first: 100) { totalCount } } } } } } }`,
    );
    expect(big.errors.map((e) => e.type)).toContain("MAX_NODE_LIMIT_EXCEEDED");
  });
});
