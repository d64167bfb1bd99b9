/* eslint-disable @typescript-eslint/no-explicit-any -- wire JSON is probed field by field in assertions */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineOrgFixture, startSimulator, type Simulator } from "./index";

// Ref.branchProtectionRule and Repository.collaborators as sync's queries ask for them.

const PAT = "ghp_protectionTest00000000000000000000000";
let sim: Simulator;

beforeAll(async () => {
  const fixture = defineOrgFixture({
    org: {
      login: "acme",
      defaultRepositoryPermission: "read",
      members: [{ login: "owner", role: "admin" }, { login: "dev" }, { login: "lead" }],
      teams: [{ slug: "core", members: ["lead"], repos: { api: "maintain" } }],
      tokens: [{ token: PAT, login: "owner" }],
    },
    repos: [
      {
        name: "api",
        config: {
          branchProtection: [
            {
              pattern: "*",
              requiredApprovingReviewCount: 0,
              requirePullRequestReviews: false,
              allowForcePushes: true,
            },
            {
              pattern: "main",
              requiredApprovingReviewCount: 2,
              dismissStaleReviews: true,
              enforceAdmins: true,
              requiredStatusChecks: ["ci", "lint"],
              bypassAllowances: { users: ["lead"], teams: ["core"] },
            },
          ],
          collaborators: [
            { login: "contractor", permission: "admin", outside: true },
            { login: "dev", permission: "write" },
            { login: "agency", permission: "read" },
          ],
        },
        files: { "README.md": "# api\n" },
      },
      {
        name: "wild",
        config: {
          defaultBranch: "trunk",
          branchProtection: [{ pattern: "release/*" }, { pattern: "t*k", requiredApprovingReviewCount: 1 }],
        },
        files: { "a.txt": "a\n" },
      },
      { name: "open", config: { branchProtection: [{ pattern: "release/*" }] }, files: { "a.txt": "a\n" } },
    ],
  });
  sim = await startSimulator({ fixture });
});
afterAll(() => sim.close());

async function gql(query: string, token = PAT) {
  const res = await fetch(`${sim.url}/graphql`, {
    method: "POST",
    headers: { authorization: `bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: any; errors?: any[] };
}

const RULE = `branchProtectionRule { id pattern requiredApprovingReviewCount requiresApprovingReviews dismissesStaleReviews requireLastPushApproval requiresCodeOwnerReviews
  isAdminEnforced allowsForcePushes allowsDeletions requiresCommitSignatures requiresStatusChecks requiredStatusCheckContexts
  bypassPullRequestAllowances(first: 10) { nodes { actor { __typename ... on User { login } ... on Team { slug } ... on App { slug } } } } }`;

describe("Ref.branchProtectionRule", () => {
  it("serves the rule that names the default branch, over an older wildcard rule", async () => {
    const { data, errors } = await gql(
      `{ repository(owner: "acme", name: "api") { defaultBranchRef { name ${RULE} } } rateLimit { cost } }`,
    );
    expect(errors).toBeUndefined();
    const rule = data.repository.defaultBranchRef.branchProtectionRule;
    expect(rule).toMatchObject({
      pattern: "main",
      requiredApprovingReviewCount: 2,
      requiresApprovingReviews: true,
      dismissesStaleReviews: true,
      isAdminEnforced: true,
      allowsForcePushes: false,
      requiresStatusChecks: true,
      requiredStatusCheckContexts: ["ci", "lint"],
    });
    expect(rule.id).toMatch(/^BPR_/);
    expect(rule.bypassPullRequestAllowances.nodes.map((n: any) => n.actor)).toEqual([
      { __typename: "User", login: "lead" },
      { __typename: "Team", slug: "core" },
    ]);
    // 1 (bypassPullRequestAllowances) → minimum 1 point
    expect(data.rateLimit.cost).toBe(1);
  });

  it("matches wildcard patterns with fnmatch and is null when no rule covers the branch", async () => {
    const { data } =
      await gql(`{ wild: repository(owner: "acme", name: "wild") { defaultBranchRef { name branchProtectionRule { pattern requiredApprovingReviewCount } } }
      open: repository(owner: "acme", name: "open") { defaultBranchRef { branchProtectionRule { pattern } } } }`);
    expect(data.wild.defaultBranchRef).toEqual({
      name: "trunk",
      branchProtectionRule: { pattern: "t*k", requiredApprovingReviewCount: 1 },
    });
    expect(data.open.defaultBranchRef.branchProtectionRule).toBeNull();
  });
});

describe("Repository.collaborators", () => {
  const q = (affiliation: string) =>
    `{ repository(owner: "acme", name: "api") { collaborators(affiliation: ${affiliation}, first: 20) { totalCount edges { permission node { login } } } } }`;
  const rows = (data: any) =>
    data.repository.collaborators.edges.map((e: any) => `${e.node.login}:${e.permission}`);

  it("OUTSIDE lists direct collaborators who are not org members", async () => {
    const { data, errors } = await gql(q("OUTSIDE"));
    expect(errors).toBeUndefined();
    expect(rows(data)).toEqual(["contractor:ADMIN", "agency:READ"]);
  });

  it("DIRECT adds member collaborators; ALL adds team grants, owners and the base permission", async () => {
    expect(rows((await gql(q("DIRECT"))).data)).toEqual(["contractor:ADMIN", "dev:WRITE", "agency:READ"]);
    expect(rows((await gql(q("ALL"))).data)).toEqual([
      "contractor:ADMIN",
      "dev:WRITE",
      "agency:READ",
      "lead:MAINTAIN",
      "owner:ADMIN",
    ]);
  });

  it("refuses viewers without push access, like GitHub, and reports viewerPermission", async () => {
    const reader = sim.issueToken("agency");
    const res = await gql(
      `{ repository(owner: "acme", name: "api") { viewerPermission collaborators(first: 5) { totalCount } } }`,
      reader,
    );
    expect(res.data.repository).toEqual({ viewerPermission: "READ", collaborators: null });
    expect(res.errors?.[0]).toMatchObject({
      type: "FORBIDDEN",
      path: ["repository", "collaborators"],
      message: "Must have push access to view repository collaborators.",
    });
    const lead = await gql(
      `{ repository(owner: "acme", name: "api") { viewerPermission collaborators(first: 5, affiliation: OUTSIDE) { totalCount } } }`,
      sim.issueToken("lead"),
    );
    expect(lead.data.repository).toEqual({ viewerPermission: "MAINTAIN", collaborators: { totalCount: 2 } });
  });

  it("counts both connections in the cost: 100 repositories × (collaborators + bypass allowances) → 2 points", async () => {
    const { data, errors } =
      await gql(`{ organization(login: "acme") { repositories(first: 100) { nodes { collaborators(affiliation: OUTSIDE, first: 20) { edges { permission } }
      defaultBranchRef { ${RULE} } } } } rateLimit { cost } }`);
    expect(errors).toBeUndefined();
    // 1 + 100 + 100 = 201 requests → 2 points
    expect(data.rateLimit.cost).toBe(2);
  });
});
