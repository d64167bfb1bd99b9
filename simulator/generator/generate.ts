import type { RepoConfigInput } from "../fixture/schema-repo";
import { defineOrgFixture, type OrgFixture, type RepoFixtureInput } from "../fixture/types";
import { rng, type Rng } from "./random";
import * as T from "./templates";

export interface GenerateOptions {
  repos: number;
  seed?: number;
  login?: string;
}

const DAY = 86_400_000;
const NOW = Date.parse("2025-06-01T00:00:00Z");
const WORDS = [
  "api",
  "web",
  "billing",
  "auth",
  "search",
  "ledger",
  "gateway",
  "infra",
  "mobile",
  "docs",
  "worker",
  "etl",
  "portal",
  "notify",
  "ml",
];
const PEOPLE = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy"];

function files(r: Rng, codeowners: string[]): Record<string, string> {
  const f: Record<string, string> = {};
  const names = Object.keys(T.WORKFLOWS);
  for (let i = r.int(0, 3); i > 0; i--) {
    const n = r.pick(names);
    f[`.github/workflows/${n}`] = T.WORKFLOWS[n]!;
  }
  if (r.chance(0.5)) f[r.chance(0.7) ? ".github/CODEOWNERS" : "CODEOWNERS"] = r.pick(codeowners);
  if (r.chance(0.45)) f[".github/dependabot.yml"] = T.DEPENDABOT;
  else if (r.chance(0.15)) f["renovate.json"] = T.RENOVATE;
  if (r.chance(0.4)) f["Dockerfile"] = r.pick(T.DOCKERFILES);
  const lang = r.next();
  if (lang < 0.5) {
    f["package.json"] = T.PACKAGE_JSON;
    if (r.chance(0.8)) f["package-lock.json"] = T.PACKAGE_LOCK;
  } else if (lang < 0.7) f["go.mod"] = T.GO_MOD;
  else if (lang < 0.9) f["requirements.txt"] = T.REQUIREMENTS;
  if (r.chance(0.2)) f["deploy/k8s/deployment.yaml"] = T.K8S_DEPLOYMENT;
  f["README.md"] = "# Service\n";
  return f;
}

function settings(r: Rng, i: number, hasDocker: boolean): RepoConfigInput {
  const old = () => r.date(NOW - 900 * DAY, NOW - 400 * DAY);
  const recent = () => r.date(NOW - 200 * DAY, NOW);
  const sec = r.chance(0.5);
  const c: RepoConfigInput = {
    visibility: r.pick(["private", "private", "private", "public", "public", "internal"] as const),
    archived: r.chance(0.08),
    pushedAt: r.date(NOW - 700 * DAY, NOW),
    language: r.pick(["TypeScript", "Go", "Python", null]),
    security: {
      secretScanning: sec,
      pushProtection: sec && r.chance(0.6),
      dependabotAlerts: r.chance(0.55),
      dependabotSecurityUpdates: r.chance(0.3),
    },
    branchProtection: r.chance(0.55)
      ? [
          {
            pattern: "main",
            requiredApprovingReviewCount: r.int(0, 2),
            dismissStaleReviews: r.chance(0.5),
            requireCodeOwnerReviews: r.chance(0.4),
            requireLastPushApproval: r.chance(0.2),
            enforceAdmins: r.chance(0.4),
            allowForcePushes: r.chance(0.1),
            requireSignedCommits: r.chance(0.15),
            requiredStatusChecks: r.chance(0.6) ? ["test"] : [],
          },
        ]
      : [],
    rulesets: r.chance(0.2)
      ? [
          {
            id: 10_000 + i,
            name: "main",
            enforcement: r.pick(["active", "active", "evaluate"] as const),
            rules: [
              { type: "deletion" },
              { type: "non_fast_forward" },
              {
                type: "pull_request",
                parameters: {
                  required_approving_review_count: r.int(1, 2),
                  dismiss_stale_reviews_on_push: true,
                  require_code_owner_review: r.chance(0.5),
                  require_last_push_approval: false,
                  required_review_thread_resolution: false,
                },
              },
            ],
          },
        ]
      : [],
    environments: r.chance(0.3)
      ? [
          {
            name: "production",
            reviewers: r.chance(0.6) ? [{ type: "Team", login: "release-managers" }] : [],
            preventSelfReview: r.chance(0.5),
            canAdminsBypass: r.chance(0.6),
            waitTimerMinutes: r.chance(0.2) ? 10 : 0,
            deploymentBranchPolicy: r.chance(0.6)
              ? { protectedBranches: true, customBranchPolicies: false }
              : null,
            secrets: [{ name: "DEPLOY_TOKEN", updatedAt: r.chance(0.3) ? old() : recent() }],
          },
        ]
      : [],
    secrets: Array.from({ length: r.int(0, 3) }, (_, k) => ({
      name:
        r.pick([
          "NPM_TOKEN",
          "AWS_ACCESS_KEY_ID",
          "AWS_SECRET_ACCESS_KEY",
          "SLACK_WEBHOOK",
          "GHCR_PAT",
          "SONAR_TOKEN",
        ]) + (k ? `_${k}` : ""),
      updatedAt: r.chance(0.35) ? old() : recent(),
    })),
    collaborators: Array.from({ length: r.int(0, 2) }, (_, k) =>
      r.chance(0.3)
        ? {
            login: `contractor-${(i + k) % 37}`,
            permission: r.pick(["write", "admin", "read"] as const),
            outside: true,
          }
        : { login: r.pick(PEOPLE), permission: r.pick(["write", "maintain", "admin"] as const) },
    ),
    deployKeys: r.chance(0.2) ? [{ title: "ci-deploy", readOnly: r.chance(0.5) }] : [],
    webhooks: r.chance(0.25)
      ? [{ url: `https://hooks.example.com/${i}`, insecureSsl: r.chance(0.2), hasSecret: r.chance(0.7) }]
      : [],
    secretScanningAlerts:
      sec && r.chance(0.2)
        ? [
            {
              number: 1,
              secretType: r.pick(["aws_access_key_id", "github_personal_access_token", "slack_webhook_url"]),
              state: r.pick(["open", "resolved"] as const),
              createdAt: recent(),
            },
          ]
        : [],
    packages:
      hasDocker && r.chance(0.7)
        ? [
            {
              name: `svc-${i}`,
              versions: [
                {
                  name: `sha256:${(i.toString(16) + "0".repeat(64)).slice(0, 64)}`,
                  tags: ["latest"],
                  createdAt: recent(),
                },
              ],
            },
          ]
        : [],
  };
  if (c.security?.dependabotAlerts && r.chance(0.3))
    c.dependabotAlerts = [
      {
        number: 1,
        severity: r.pick(["critical", "high", "medium", "low"] as const),
        ecosystem: "npm",
        packageName: "lodash",
        ghsaId: "GHSA-p6mc-m468-83gw",
        manifestPath: "package-lock.json",
        createdAt: recent(),
      },
    ];
  if (r.chance(0.2))
    c.actions = {
      enabled: true,
      allowedActions: r.pick(["all", "local_only", "selected"] as const),
      defaultWorkflowPermissions: r.pick(["read", "write"] as const),
      canApprovePullRequestReviews: r.chance(0.3),
    };
  return c;
}

/** A seeded synthetic organisation of `repos` repositories; same options → same fixture. */
export function generateOrg(opts: GenerateOptions): OrgFixture {
  const r = rng(opts.seed ?? 1);
  const login = opts.login ?? "synthetic-org";
  const codeowners = T.CODEOWNERS.map((t) => t.replaceAll("{org}", login));
  const width = String(opts.repos).length;
  const repos: RepoFixtureInput[] = [];
  for (let i = 0; i < opts.repos; i++) {
    const f = files(r, codeowners);
    repos.push({
      name: `${r.pick(WORDS)}-${String(i).padStart(width, "0")}`,
      files: f,
      config: settings(r, i, "Dockerfile" in f),
    });
  }
  return defineOrgFixture(
    {
      org: {
        login,
        name: "Synthetic Org",
        twoFactorRequired: r.chance(0.5),
        defaultRepositoryPermission: r.pick(["read", "write"] as const),
        members: PEOPLE.map((p, k) => ({
          login: p,
          role: k === 0 ? ("admin" as const) : ("member" as const),
        })),
        teams: [
          { slug: "release-managers", members: ["alice", "bob"] },
          { slug: "platform", members: PEOPLE.slice(0, 5) },
        ],
        users: [
          { login: "alice", name: "Alice Admin", role: "admin" },
          { login: "bob", name: "Bob Security", role: "security lead" },
          { login: "carol", name: "Carol Engineer", role: "engineer" },
          { login: "dave", name: "Dave Auditor", role: "auditor" },
        ],
        oauthApp: { clientId: "gatehouse-synthetic", clientSecret: "gatehouse-synthetic-secret" },
        tokens: [{ token: "ghp_synthetic000000000000000000000000000000", login: "alice" }],
        secrets: [{ name: "ORG_NPM_TOKEN", updatedAt: "2023-01-01T00:00:00Z" }],
        actionRefs: {
          "actions/checkout@v4": "11bd71901bbe5b1630ceea73d27597364c9af683",
          "actions/checkout@v3": "f43a0e5ff2bd294095638e18286ca9a3d1956744",
          "tj-actions/changed-files@v44": "0e58ed8671d6b60d0890c21b07f8835ace038e67",
          // The tags the templates' SHA pins comment, so each pin is its tag's commit.
          "actions/checkout@v4.2.2": "11bd71901bbe5b1630ceea73d27597364c9af683",
          "actions/attest-build-provenance@v1.4.3": "1c608d11d69870c2092266b3f9a6f3abbf17002c",
          "actions/setup-node@v4.1.0": "39370e3970a6d050c480ffad4ff0ed4d3fdee5af",
          "aws-actions/configure-aws-credentials@v4.0.2": "e3dd6a429d7300a6a4c196c26e071d42e0343502",
          "docker/build-push-action@v6.9.0": "4f58ea79222b3b9dc2c8bbdd6debcef730109a75",
          "docker/login-action@v3.3.0": "9780b0c442fbb1117ed29e0efdff1e18412f7567",
          "sigstore/cosign-installer@v3.7.0": "dc72c7d5c4d10cd6bcb8cf6e3fd625a9e5e537da",
        },
        // Every action the templates use, so sync's per-org look-ups are part of its cost.
        actionRepos: Object.fromEntries(
          [
            "actions/attest-build-provenance",
            "actions/checkout",
            "actions/github-script",
            "actions/setup-go",
            "actions/setup-node",
            "aws-actions/configure-aws-credentials",
            "docker/build-push-action",
            "docker/login-action",
            "github/codeql-action",
            "sigstore/cosign-installer",
            "tj-actions/changed-files",
          ].map((r) => [r, {}]),
        ),
        actionAdvisories: [
          {
            ghsaId: "GHSA-mrrh-fwg8-r2c3",
            action: "tj-actions/changed-files",
            severity: "high",
            vulnerableRange: "< 46.0.1",
            patchedVersion: "46.0.1",
            summary: "tj-actions/changed-files can disclose secrets (CVE-2025-30066)",
          },
        ],
      },
      repos,
    },
    `<generated:${login}:${opts.seed ?? 1}>`,
  );
}
