import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RepoFacts } from "@/lib/facts/types";
import { loadOrgFixture, type OrgFixture } from "@/simulator";
import { ruleForBranch } from "@/simulator/branch-pattern";
import { repoCollaborators } from "@/simulator/collaborators";
import { runSyncInline } from "./engine/run-inline";
import { assembleRepoFacts, type OrgPart } from "../facts/assemble";
import { checkById } from "../checks/catalogue";
import { runCheck } from "../checks/test-kit";
import { startSyncHarness, type SyncHarness } from "../../testing/sync/harness";

// The demo org end to end: sync it from the simulator into a fresh database and check that
// branch protection, outside collaborators and alerts arrive as facts for every repository
// that has them, and that alerts cost org-wide list pages, not requests per repository.

const DEMO = path.resolve(__dirname, "../../fixtures/orgs/demo");
const SECRET_LIST = "GET /orgs/{org}/secret-scanning/alerts";
const DEPENDABOT_LIST = "GET /orgs/{org}/dependabot/alerts";

let fx: OrgFixture;
let h: SyncHarness;

async function allFacts(): Promise<Map<string, RepoFacts>> {
  const repos = await h.db.prisma.repository.findMany({
    where: { organizationId: h.organizationId },
    include: { snapshot: true },
  });
  const org = await h.db.prisma.orgSnapshot.findUniqueOrThrow({
    where: { organizationId: h.organizationId },
  });
  return new Map(
    repos.map((r) => [
      r.name,
      assembleRepoFacts(r.snapshot!.facts as unknown as RepoFacts, org.facts as unknown as OrgPart),
    ]),
  );
}

const perRepoAlertRequests = () =>
  Object.entries(h.sim.stats.routes).filter(([r]) =>
    /^GET \/repos\/.*\/(secret-scanning|dependabot)\/alerts$/.test(r),
  ).length;

beforeAll(async () => {
  fx = await loadOrgFixture(DEMO);
  h = await startSyncHarness(fx, { token: fx.org.tokens[0]!.token });
  const { status } = await runSyncInline(h.ctx, { kind: "full", trigger: "manual" });
  expect(status).toBe("succeeded");
}, 120_000);
afterAll(async () => h?.close());

describe("syncing the demo org", () => {
  it("shows each API-backed check failing somewhere and passing elsewhere", async () => {
    const facts = [...(await allFacts()).entries()];
    const byStatus = (id: string, status: string) =>
      facts.filter(([, f]) => runCheck(checkById(id)!, f).status === status).map(([name]) => name);
    for (const id of ["impostor-commit", "pin-comment-mismatch", "archived-action", "webhook-insecure"]) {
      expect(byStatus(id, "fail").length, `${id} fails somewhere`).toBeGreaterThan(0);
      expect(byStatus(id, "pass").length, `${id} passes elsewhere`).toBeGreaterThan(0);
    }
    // The fixture's fork commit and archived action, where the demo uses them.
    expect(byStatus("archived-action", "fail")).toContain("grafana");
  });

  it("stores every repository's default-branch protection rule (or its absence) as known", async () => {
    const facts = await allFacts();
    expect(facts.size).toBe(fx.repos.length);
    let protectedCount = 0;
    for (const repo of fx.repos) {
      // An empty repository has no branch, so no rule applies to it.
      const rule =
        Object.keys(repo.files).length > 0
          ? ruleForBranch(repo.config.branchProtection, repo.config.defaultBranch)
          : undefined;
      const got = facts.get(repo.name)!.settings!;
      expect(got.branchProtectionKnown, repo.name).toBe(true);
      if (!rule) {
        expect(got.branchProtection, repo.name).toBeNull();
        continue;
      }
      protectedCount += 1;
      expect(got.branchProtection, repo.name).toMatchObject({
        pattern: rule.pattern,
        requiredApprovingReviewCount: rule.requirePullRequestReviews ? rule.requiredApprovingReviewCount : 0,
        enforceAdmins: rule.enforceAdmins,
        allowForcePushes: rule.allowForcePushes,
        requiredStatusChecks: rule.requiredStatusChecks,
        bypassAllowances: [...rule.bypassAllowances.users, ...rule.bypassAllowances.teams].sort(),
      });
    }
    expect(protectedCount).toBeGreaterThanOrEqual(20);
    // Good, weak, wildcard and mismatched rules from the fixture.
    expect(facts.get("auth-service")!.settings!.branchProtection).toMatchObject({
      requiredApprovingReviewCount: 2,
      enforceAdmins: true,
      requireSignedCommits: true,
    });
    expect(facts.get("marketing-site")!.settings!.branchProtection).toMatchObject({
      requiredApprovingReviewCount: 0,
      allowForcePushes: true,
      allowDeletions: true,
    });
    expect(facts.get("uv")!.settings!.branchProtection).toMatchObject({
      pattern: "ma*",
      requiredApprovingReviewCount: 1,
    });
    expect(facts.get("old-monolith")!.defaultBranch).toBe("master");
    expect(facts.get("old-monolith")!.settings!.branchProtection).toBeNull();
    expect(facts.get("terraform")!.settings!.branchProtection).toBeNull();
  });

  it("stores outside collaborators (non-members only) for every repository", async () => {
    const facts = await allFacts();
    for (const repo of fx.repos) {
      const expected = repoCollaborators(fx.org, repo, "outside")
        .map((c) => ({ login: c.login, permission: c.permission, outside: true }))
        .sort((a, b) => a.login.localeCompare(b.login));
      expect(facts.get(repo.name)!.settings!.collaborators, repo.name).toEqual(expected);
    }
    expect(facts.get("payments-gateway")!.settings!.collaborators).toEqual([
      { login: "paygate-vendor", permission: "admin", outside: true },
    ]);
    // chen is an org member with direct admin: not an outside collaborator.
    expect(facts.get("infra-terraform")!.settings!.collaborators).toEqual([]);
    const withOutsideAdmin = [...facts.values()].filter((f) =>
      f.settings!.collaborators!.some((c) => c.permission === "admin"),
    );
    expect(withOutsideAdmin.length).toBeGreaterThanOrEqual(5);
  });

  it("stores open secret scanning and Dependabot alerts for the repositories that have them", async () => {
    const facts = await allFacts();
    for (const repo of fx.repos) {
      const alerts = facts.get(repo.name)!.alerts!;
      const openSecrets = repo.config.security.secretScanning
        ? repo.config.secretScanningAlerts.filter((a) => a.state === "open").map((a) => a.number)
        : [];
      const openDeps = repo.config.security.dependabotAlerts
        ? repo.config.dependabotAlerts.filter((a) => a.state === "open").map((a) => a.number)
        : [];
      expect(alerts.secretScanning?.map((a) => a.number).sort(), repo.name).toEqual(openSecrets.sort());
      expect(alerts.dependabot?.map((a) => a.number).sort(), repo.name).toEqual(openDeps.sort());
    }
    expect(facts.get("payments-gateway")!.alerts!.secretScanning).toEqual([
      expect.objectContaining({ number: 4, state: "open", secretType: "stripe_api_key" }),
    ]);
    expect(facts.get("github-actions-goat")!.alerts!.dependabot).toEqual([
      expect.objectContaining({
        number: 1,
        severity: "high",
        ecosystem: "actions",
        packageName: "tj-actions/changed-files",
        ghsaId: "GHSA-mrrh-fwg8-r2c3",
      }),
    ]);
    expect(facts.get("data-pipeline")!.alerts).toMatchObject({
      secretScanning: [{ number: 2, secretType: "aws_access_key_id" }],
      dependabot: [{ number: 5, ecosystem: "pip", packageName: "requests" }],
    });
    // Enabled but nothing open (a fixed Dependabot alert, a resolved secret): empty, not unknown.
    expect(facts.get("auth-service")!.alerts!.dependabot).toEqual([]);
    expect(facts.get("core")!.alerts!.secretScanning).toEqual([]);
    const withOpen = [...facts.values()].filter(
      (f) => (f.alerts!.secretScanning!.length ?? 0) + (f.alerts!.dependabot!.length ?? 0) > 0,
    );
    expect(withOpen.length).toBeGreaterThanOrEqual(4);
  });

  it("reads alerts as org-wide pages: one request per list, 304 when unchanged, pages when long", async () => {
    h.sim.stats.reset();
    expect((await runSyncInline(h.ctx, { kind: "incremental", trigger: "schedule" })).status).toBe(
      "succeeded",
    );
    expect(h.sim.stats.routes[SECRET_LIST]).toBe(1);
    expect(h.sim.stats.routes[DEPENDABOT_LIST]).toBe(1);
    expect(perRepoAlertRequests()).toBe(0);
    expect(h.sim.stats.rest).toBe(0);

    // 250 new open Dependabot alerts on one repository: the org list grows to 3 pages of 100
    // (cursor-paged); no repository is refetched for it.
    const dp = h.sim.fixture.repos.find((r) => r.name === "data-pipeline")!;
    const base = dp.config.dependabotAlerts[0]!;
    for (let i = 0; i < 250; i++)
      dp.config.dependabotAlerts.push({ ...base, number: 100 + i, createdAt: "2025-05-01T00:00:00Z" });
    h.sim.stats.reset();
    expect((await runSyncInline(h.ctx, { kind: "incremental", trigger: "schedule" })).status).toBe(
      "succeeded",
    );
    expect(h.sim.stats.routes[DEPENDABOT_LIST]).toBe(3);
    expect(h.sim.stats.routes[SECRET_LIST]).toBe(1);
    expect(perRepoAlertRequests()).toBe(0);
    expect(Object.keys(h.sim.stats.routes).every((r) => r.startsWith("GET /orgs/"))).toBe(true);
    expect((await allFacts()).get("data-pipeline")!.alerts!.dependabot).toHaveLength(251);
  });
});
