// The auditor's control view against a real Postgres: the as-of date reads the posture
// history (the latest scoring on or before it, rebuilt from its snapshot when the
// repository has been scored since), and the team and critical-only filters narrow the
// repositories by their CODEOWNERS teams and the policy's critical list.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../testing/db";
import { makeBranchProtection, makeFacts, makeOrg } from "../../../testing/facts";
import { setDb } from "../../db";
import { defaultPolicy } from "../../policy/index";
import { systemActor, type Actor } from "../authz/actor";
import { loadEvidenceInput } from "../internal/load-evidence-input";
import { scoreOrganization } from "../scores/score-organization";
import { getControlView } from "./get-control-view";

let db: TestDatabase;
let orgId: string;
const auditor: Actor = { userId: "u-auditor", login: "ian", role: "auditor", ip: null, userAgent: "vitest" };
const NOW = new Date("2026-06-01T00:00:00Z");

async function repo(name: string) {
  return (
    await db.prisma.repository.create({ data: { organizationId: orgId, name, fullName: `acme/${name}` } })
  ).id;
}

/** Stores a repository's facts: force pushes allowed or not, and an optional CODEOWNERS. */
async function facts(repositoryId: string, name: string, allowForcePushes: boolean, codeowners?: string) {
  const f = makeFacts({
    name,
    settings: { branchProtection: makeBranchProtection({ allowForcePushes }) },
    ...(codeowners ? { files: [{ path: ".github/CODEOWNERS", text: codeowners }] } : {}),
  });
  const data = { facts: JSON.parse(JSON.stringify(f)), syncedAt: new Date("2026-01-01T00:00:00Z") };
  await db.prisma.repoSnapshot.upsert({
    where: { repositoryId },
    create: { repositoryId, fingerprint: "fp", factsVersion: 1, ...data },
    update: data,
  });
}

const score = (at: string) =>
  scoreOrganization(systemActor("sync"), { organizationId: orgId, now: new Date(`${at}T00:00:00Z`) });

const forcePushOf = async (asOf: string, fullName = "acme/api") => {
  const view = await getControlView(auditor, { framework: "soc2", control: "CC8.1", asOf }, NOW);
  const row = view.control!.repos.find((r) => r.repo === fullName);
  return { view, status: row?.checks.find((c) => c.check === "force-push")?.status };
};

beforeAll(async () => {
  db = await createTestDatabase();
  setDb(db.prisma);
  // The view names the instance from the environment.
  Object.assign(process.env, { DATABASE_URL: db.url, GITHUB_CLIENT_ID: "x", GITHUB_CLIENT_SECRET: "y" });
  orgId = (await db.prisma.organization.create({ data: { login: "acme" } })).id;
  await db.prisma.orgSnapshot.create({
    data: {
      organizationId: orgId,
      facts: JSON.parse(
        JSON.stringify({
          settings: makeOrg({ login: "acme" }),
          secrets: [],
          alerts: { secretScanning: {}, dependabot: {} },
          actionAdvisories: [],
        }),
      ),
    },
  });
  // acme/api is critical from the start (a policy version older than every scoring).
  await db.prisma.policyVersion.create({
    data: {
      version: 1,
      policy: JSON.parse(JSON.stringify({ ...defaultPolicy, criticalRepos: ["acme/api"] })),
      createdAt: new Date("2026-01-01T00:00:00Z"),
    },
  });
}, 60_000);
afterAll(async () => db?.drop());

describe("the auditor's control view", () => {
  it("an as-of date before a fix shows the failure, and one after shows the pass", async () => {
    const api = await repo("api");
    await facts(api, "api", true, "* @acme/web\n");
    await score("2026-03-01"); // force pushes allowed: force-push fails
    await facts(api, "api", false, "* @acme/web\n");
    await score("2026-03-10"); // fixed
    await score("2026-03-20"); // nothing changed: no new snapshot, the latest score moves on

    // Both dates are before the latest scoring: they are rebuilt from history.
    const before = await forcePushOf("2026-03-05");
    expect(before.status).toBe("fail");
    expect(before.view.control!.repos.find((r) => r.repo === "acme/api")!.status).toBe("fail");
    expect(before.view.excluded).toEqual([]);
    const after = await forcePushOf("2026-03-15");
    expect(after.status).toBe("pass");
    expect((await forcePushOf("2026-03-25")).status).toBe("pass"); // the latest scoring itself

    // A check not applicable then (no workflows) is unknown at a past date, never a pass;
    // the same check read from the latest scoring says what it really is.
    const request = {
      framework: "soc2" as const,
      scope: { kind: "all" as const },
      organizationIds: [],
      now: NOW,
      instance: { name: "test", version: "0" },
      withoutAuditExtract: true,
    };
    const past = await loadEvidenceInput({ ...request, asOf: new Date("2026-03-15T23:59:59Z") });
    const latest = await loadEvidenceInput({ ...request, asOf: NOW });
    const statusIn = (input: typeof past, check: string) =>
      input.repos.find((r) => r.fullName === "acme/api")!.results.find((r) => r.check === check)?.status;
    expect(statusIn(latest, "unpinned-action")).toBe("not-applicable");
    expect(statusIn(past, "unpinned-action")).toBe("unknown");

    // Before the first scoring there is nothing to show: not shown, with why.
    const early = await forcePushOf("2026-02-01");
    expect(early.status).toBeUndefined();
    expect(early.view.excluded).toEqual([
      { repo: "acme/api", reason: "no scoring on or before the as-of date" },
    ]);
  });

  it("filters by CODEOWNERS team and by critical repositories", async () => {
    const site = await repo("site");
    await facts(site, "site", true, "docs/ @acme/docs\n* @alice\n");
    await score("2026-04-01");
    const view = (q: Record<string, unknown>) =>
      getControlView(auditor, { framework: "soc2", control: "CC8.1", ...q }, NOW);
    const repos = async (q: Record<string, unknown>) => (await view(q)).control!.repos.map((r) => r.repo);

    expect(await repos({})).toEqual(["acme/api", "acme/site"]);
    expect(await repos({ team: "acme/docs" })).toEqual(["acme/site"]);
    expect(await repos({ team: "@ACME/web" })).toEqual(["acme/api"]);
    expect(await repos({ team: "acme/nobody" })).toEqual([]);
    expect(await repos({ criticalOnly: true })).toEqual(["acme/api"]);
    expect(await repos({ team: "acme/docs", criticalOnly: true })).toEqual([]);
    expect((await view({ team: "acme/web" })).control!.repos[0]!.team).toBe("@acme/web");
    // A user in CODEOWNERS is not a team.
    await expect(view({ team: "alice" })).rejects.toThrow(/team: a team as org\/team/);
  });
});
