import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RepoFacts } from "@/lib/facts/types";
import { assembleRepoFacts, type OrgPart } from "../facts/assemble";
import { runSyncInline } from "./engine/run-inline";
import { startSyncHarness, type SyncHarness } from "../../testing/sync/harness";
import { CHECKOUT_V4_SHA, syncTestFixture } from "../../testing/sync/org-fixture";

// Full sync, no-change resync and a one-workflow change against the simulator over real
// HTTP and a real Postgres database.

let h: SyncHarness;

async function factsOf(name: string): Promise<RepoFacts> {
  const repo = await h.db.prisma.repository.findFirstOrThrow({
    where: { organizationId: h.organizationId, name },
    include: { snapshot: true },
  });
  const org = await h.db.prisma.orgSnapshot.findUniqueOrThrow({
    where: { organizationId: h.organizationId },
  });
  return assembleRepoFacts(repo.snapshot!.facts as unknown as RepoFacts, org.facts as unknown as OrgPart);
}

beforeAll(async () => {
  h = await startSyncHarness(syncTestFixture(6));
});
afterAll(async () => h?.close());

describe("sync against the simulator", () => {
  it("full sync stores every repository's facts", async () => {
    const { runId, status } = await runSyncInline(h.ctx, { kind: "full", trigger: "manual" });
    const run = await h.db.prisma.syncRun.findUniqueOrThrow({ where: { id: runId } });
    expect({ status, errorMessage: run.errorMessage }).toEqual({ status: "succeeded", errorMessage: null });
    expect(run).toMatchObject({
      status: "succeeded",
      reposSeen: 10,
      reposChanged: 10,
      batchesTotal: 1,
      batchesDone: 1,
      reposDone: 10,
    });
    expect(run.restRequests).toBe(h.sim.stats.rest + h.sim.stats.notModified);
    expect(run.graphqlQueries).toBe(h.sim.stats.graphql);
    expect(run.graphqlPoints).toBe(h.sim.stats.graphqlPoints);
    expect(await h.db.prisma.repoSnapshot.count()).toBe(10);

    const api = await factsOf("api");
    expect(api.files.map((f) => f.path)).toEqual([
      ".github/CODEOWNERS",
      ".github/workflows/ci.yml",
      "Dockerfile",
      "package.json",
    ]);
    expect(api.settings?.rulesets?.[0]).toMatchObject({
      id: 11,
      enforcement: "active",
      appliesToDefaultBranch: true,
      rules: { nonFastForward: true },
    });
    expect(api.settings?.actions).toMatchObject({
      allowedActions: "selected",
      defaultWorkflowPermissions: "write",
      canApprovePullRequestReviews: true,
      selected: { patternsAllowed: ["acme/*"] },
    });
    expect(api.settings?.environments?.[0]).toMatchObject({
      name: "production",
      preventSelfReview: true,
      branchPolicies: ["main"],
      secretNames: ["DEPLOY_KEY"],
    });
    expect(api.settings?.deployKeys?.[0]).toMatchObject({ title: "ci deploy", readOnly: false });
    expect(api.settings?.security).toEqual({
      secretScanning: true,
      secretScanningPushProtection: false,
      dependabotAlerts: true,
    });
    expect(api.settings?.secrets?.map((s) => `${s.scope}:${s.name}`).sort()).toEqual([
      "environment:DEPLOY_KEY",
      "organization:ORG_NPM_TOKEN",
      "repository:AWS_SECRET_ACCESS_KEY",
    ]);
    expect(api.org).toMatchObject({ login: "acme", twoFactorRequired: true });
    expect(api.actionRefShas).toEqual({ "actions/checkout@v4": CHECKOUT_V4_SHA });
    expect(api.actionAdvisories).toEqual([
      {
        ghsaId: "GHSA-mrrh-fwg8-r2c3",
        action: "tj-actions/changed-files",
        severity: "high",
        vulnerableRange: "< 46.0.1",
        patchedVersion: "46.0.1",
        summary: "tj-actions/changed-files can disclose secrets",
      },
    ]);
    // Variable values are never stored.
    const raw = JSON.stringify(await h.db.prisma.repoSnapshot.findMany());
    expect(raw).not.toContain("eu-west-1");
  });

  it("reads the default branch's protection rule and outside collaborators", async () => {
    const api = await factsOf("api");
    expect(api.settings?.collaborators).toEqual([
      { login: "contractor", permission: "admin", outside: true },
    ]);

    expect(api.settings?.branchProtectionKnown).toBe(true);
    expect(api.settings?.branchProtection).toMatchObject({
      requiredApprovingReviewCount: 2,
      requireCodeOwnerReviews: true,
      requiredStatusChecks: ["ci"],
    });
    // A repository without a rule is known to be unprotected (the token is an org owner).
    const web = await factsOf("web");
    expect(web.settings).toMatchObject({
      branchProtection: null,
      branchProtectionKnown: true,
      collaborators: [],
    });
  });

  it("stores hostile files safely with a recorded reason", async () => {
    const hostile = await factsOf("hostile");
    const big = hostile.files.find((f) => f.path === ".github/workflows/big.yml");
    expect(big).toMatchObject({ truncated: true });
    expect(big?.skippedReason).toMatch(/truncated/);
    expect(hostile.files.find((f) => f.path.endsWith("proto.yml"))?.text).toContain("__proto__");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const snap = await h.db.prisma.repoSnapshot.findFirstOrThrow({
      where: { repository: { name: "hostile" } },
    });
    expect(JSON.stringify(snap.issues)).toContain("big.yml");
  });

  it("a no-change resync costs one listing page and conditional org requests only", async () => {
    h.sim.stats.reset();
    const { runId, status } = await runSyncInline(h.ctx, { kind: "incremental", trigger: "schedule" });
    expect(status).toBe("succeeded");
    const run = await h.db.prisma.syncRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run).toMatchObject({ reposSeen: 10, reposChanged: 0, batchesTotal: 0 });
    // One listing page and one advisory page.
    expect(h.sim.stats.graphql).toBe(2);
    expect(h.sim.stats.graphqlPoints).toBe(2);
    // Every REST call is org-level and conditional, the org-wide alert lists included.
    const routes = Object.keys(h.sim.stats.routes);
    expect(routes.every((r) => r.startsWith("GET /orgs/"))).toBe(true);
    expect(routes).toEqual(
      expect.arrayContaining(["GET /orgs/{org}/secret-scanning/alerts", "GET /orgs/{org}/dependabot/alerts"]),
    );
    expect(h.sim.stats.rest).toBe(0);
    expect(h.sim.stats.notModified).toBeGreaterThanOrEqual(6);
    expect(run.restRequests - run.restNotModified).toBe(h.sim.stats.rest);
  });

  it("a pushed workflow change refetches that repository only", async () => {
    h.sim.push("web", {
      files: { ".github/workflows/release.yml": "on: push\njobs: {}\n" },
      message: "ci: add release",
    });
    h.sim.stats.reset();
    const { runId } = await runSyncInline(h.ctx, { kind: "incremental", trigger: "webhook" });
    const run = await h.db.prisma.syncRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run).toMatchObject({ status: "succeeded", reposChanged: 1, reposDone: 1 });
    // Advisories, the listing page, the facts query and the file-texts query.
    expect(h.sim.stats.graphql).toBe(4);
    // One repository's REST reads (≤ 8) on top of the org-level conditional requests.
    const repoRequests = Object.entries(h.sim.stats.routes)
      .filter(([r]) => r.startsWith("GET /repos/"))
      .reduce((n, [, c]) => n + c, 0);
    expect(repoRequests).toBeGreaterThan(0);
    expect(repoRequests).toBeLessThanOrEqual(8);
    const web = await factsOf("web");
    expect(web.files.map((f) => f.path)).toContain(".github/workflows/release.yml");
  });

  it("refuses a second concurrent sync of the same organisation", async () => {
    const { createRun } = await import("./persist/runs");
    const a = await createRun(h.db.prisma, {
      organizationId: h.organizationId,
      kind: "full",
      trigger: "manual",
    });
    const b = await createRun(h.db.prisma, {
      organizationId: h.organizationId,
      kind: "full",
      trigger: "manual",
    });
    expect(b).toEqual({ runId: a.runId, created: false });
    await h.db.prisma.syncRun.update({
      where: { id: a.runId },
      data: { status: "failed", activeOrgId: null },
    });
  });
});
