import { defineOrgFixture, type OrgFixture } from "@/simulator";

// A small organisation exercising every fact sync reads, plus one hostile repository.

export const CHECKOUT_V4_SHA = "11bd71901bbe5b1630ceea73d27597364c9af683";

export const SYNC_TOKEN = "ghp_syncTestToken000000000000000000000001";

const CI = `name: ci
on: [push, pull_request]
permissions: read-all
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm test
`;

export function syncTestFixture(extraRepos = 0): OrgFixture {
  const plain = Array.from({ length: extraRepos }, (_, i) => ({
    name: `svc-${String(i).padStart(4, "0")}`,
    files: { ".github/workflows/ci.yml": CI, "package.json": "{}", "package-lock.json": "{}" },
  }));
  return defineOrgFixture({
    org: {
      login: "acme",
      twoFactorRequired: true,
      members: [{ login: "octo-admin", role: "admin" }],
      users: [{ login: "octo-admin" }],
      tokens: [{ token: SYNC_TOKEN, login: "octo-admin" }],
      secrets: [{ name: "ORG_NPM_TOKEN", updatedAt: "2024-01-01T00:00:00Z", visibility: "all" }],
      actionRefs: { "actions/checkout@v4": CHECKOUT_V4_SHA },
      actionAdvisories: [
        {
          ghsaId: "GHSA-mrrh-fwg8-r2c3",
          action: "tj-actions/changed-files",
          severity: "high",
          vulnerableRange: "< 46.0.1",
          patchedVersion: "46.0.1",
          summary: "tj-actions/changed-files can disclose secrets",
        },
      ],
    },
    repos: [
      {
        name: "api",
        config: {
          visibility: "private",
          security: {
            secretScanning: true,
            pushProtection: false,
            dependabotAlerts: true,
            dependabotSecurityUpdates: false,
          },
          branchProtection: [
            {
              pattern: "main",
              requiredApprovingReviewCount: 2,
              requireCodeOwnerReviews: true,
              requiredStatusChecks: ["ci"],
            },
          ],
          rulesets: [{ id: 11, name: "no force", rules: [{ type: "non_fast_forward" }] }],
          environments: [
            {
              name: "production",
              reviewers: [{ type: "User", login: "octo-admin" }],
              preventSelfReview: true,
              deploymentBranchPolicy: { protectedBranches: false, customBranchPolicies: true },
              branchPolicies: [{ name: "main" }],
              secrets: [{ name: "DEPLOY_KEY", updatedAt: "2024-02-01T00:00:00Z" }],
              variables: [{ name: "REGION", value: "eu-west-1", updatedAt: "2024-02-01T00:00:00Z" }],
            },
          ],
          actions: {
            allowedActions: "selected",
            selected: { githubOwnedAllowed: true, verifiedAllowed: false, patternsAllowed: ["acme/*"] },
            defaultWorkflowPermissions: "write",
            canApprovePullRequestReviews: true,
          },
          secrets: [{ name: "AWS_SECRET_ACCESS_KEY", updatedAt: "2023-01-01T00:00:00Z" }],
          collaborators: [{ login: "contractor", permission: "admin", outside: true }],
          deployKeys: [{ title: "ci deploy", readOnly: false }],
        },
        files: {
          ".github/workflows/ci.yml": CI,
          ".github/CODEOWNERS": "* @acme/sec\n",
          Dockerfile: "FROM node:20\n",
          "package.json": "{}",
        },
      },
      {
        name: "web",
        config: { visibility: "public" },
        files: { ".github/workflows/ci.yml": CI, "docs/CODEOWNERS": "* @acme/web\n" },
      },
      { name: "legacy", config: { archived: true } },
      {
        name: "hostile",
        files: {
          ".github/workflows/big.yml": "x: " + "a".repeat(600_000),
          ".github/workflows/bomb.yml":
            "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n",
          ".github/workflows/proto.yml": '{"__proto__": {"polluted": true}, "on": "push"}\n',
          ".github/workflows/deep.yml": "a: ".repeat(1) + "[".repeat(5000) + "]".repeat(5000) + "\n",
        },
      },
      ...plain,
    ],
  });
}
