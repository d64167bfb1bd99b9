// Posture history against a real Postgres, through scoreOrganization day by day: snapshots
// only when something changed, one org row per scoring, finding lifetimes that survive a
// line move and go fixed → reopened, org settings counted once, and the reads built on them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../testing/db";
import { setDb } from "../../db";
import { makeEnvironment, makeFacts, makeOrg } from "../../../testing/facts";
import type { OrgPart } from "../../facts/assemble";
import type { RepoFacts } from "../../facts/types";
import { upsertGitHubUser, upsertOrganization } from "../../../prisma/seed/factories";
import { systemActor, type Actor } from "../authz/actor";
import { scoreOrganization } from "../scores/score-organization";
import { getOrgTrend } from "./get-org-trend";
import { getOrgSnapshot } from "./get-org-snapshot";
import { listOrgChecks } from "./list-org-checks";
import { listRepos } from "../repos/list-repos";
import { getRepoHistory } from "./get-repo-history";

let db: TestDatabase;
let orgId: string;
let lead: Actor;
const day = (n: number) => new Date(Date.UTC(2026, 2, n, 6));
const workflow = (ref: string, padding = 0) =>
  [
    "on: push",
    ...Array.from({ length: padding }, (_, i) => `# note ${i}`),
    "jobs:",
    "  build:",
    "    runs-on: ubuntu-latest",
    "    permissions: {}",
    "    steps:",
    `      - uses: someone/tool@${ref}`,
    "",
  ].join("\n");

async function setFacts(name: string, facts: RepoFacts) {
  const repo = await db.prisma.repository.upsert({
    where: { fullName: `acme/${name}` },
    create: { organizationId: orgId, name, fullName: `acme/${name}` },
    update: {},
  });
  const data = { facts: JSON.parse(JSON.stringify(facts)), syncedAt: new Date() };
  await db.prisma.repoSnapshot.upsert({
    where: { repositoryId: repo.id },
    create: { repositoryId: repo.id, fingerprint: "fp", factsVersion: 1, ...data },
    update: data,
  });
  return repo.id;
}
const ciFacts = (name: string, ref: string, padding = 0) =>
  makeFacts({
    name,
    files: [{ path: ".github/workflows/ci.yml", text: workflow(ref, padding) }],
    paths: [".github/workflows/ci.yml"],
  });
const unpinned = (repositoryId: string) =>
  db.prisma.findingLifetime.findMany({ where: { repositoryId, checkId: "unpinned-action" } });
const score = (n: number) => scoreOrganization(systemActor("sync"), { organizationId: orgId, now: day(n) });

beforeAll(async () => {
  db = await createTestDatabase();
  setDb(db.prisma);
  orgId = (await upsertOrganization(db.prisma, "acme", "Acme")).id;
  const u = await upsertGitHubUser(
    db.prisma,
    { id: 21, login: "lee", name: "Lee", email: null },
    "security_lead",
  );
  lead = { userId: u.id, login: "lee", role: "security_lead", ip: "198.51.100.9", userAgent: "vitest" };
  const org: OrgPart = {
    settings: makeOrg({ login: "acme", twoFactorRequired: false }),
    secrets: [],
    alerts: { secretScanning: {}, dependabot: {} },
    actionAdvisories: [],
  };
  await db.prisma.orgSnapshot.create({
    data: { organizationId: orgId, facts: JSON.parse(JSON.stringify(org)) },
  });
}, 60_000);
afterAll(async () => db?.drop());

describe("posture history", () => {
  let api: string;
  it("day 1: one org row, a snapshot per repository, lifetimes, org-2fa once", async () => {
    api = await setFacts("api", ciFacts("api", "v1"));
    await setFacts("web", ciFacts("web", "a".repeat(40)));
    await setFacts("sandbox", makeFacts({ name: "sandbox", defaultBranch: null }));
    await setFacts(
      "deploy",
      makeFacts({
        name: "deploy",
        settings: { environments: [makeEnvironment({ name: "production", requiredReviewers: [] })] },
      }),
    );
    const run = await score(1);
    expect(run.snapshots).toBe(4);
    expect(await db.prisma.orgScoreSnapshot.count()).toBe(1);
    const [life] = await unpinned(api);
    expect(life).toMatchObject({ location: "file:.github/workflows/ci.yml", line: 7, fixedAt: null });
    const org2fa = await db.prisma.findingLifetime.findMany({ where: { checkId: "org-2fa" } });
    expect(org2fa).toHaveLength(1);
    expect(org2fa[0]!.repositoryId).toBeNull();
    const snap = await getOrgSnapshot(lead, { organizationId: orgId });
    expect(snap!.orgFindings.map((f) => f.checkId)).toContain("org-2fa");
    expect(snap!.repositories).toBe(4);
  });

  it("day 2, nothing changed: an org row, no repository snapshot, no lifetime change", async () => {
    const before = await unpinned(api);
    expect((await score(2)).snapshots).toBe(0);
    expect(await db.prisma.orgScoreSnapshot.count()).toBe(2);
    expect(await unpinned(api)).toEqual(before);
  });

  it("day 3, the line moved: same fingerprint, new line, still no snapshot", async () => {
    const [before] = await unpinned(api);
    await setFacts("api", ciFacts("api", "v1", 3));
    expect((await score(3)).snapshots).toBe(0);
    const after = await unpinned(api);
    expect(after).toHaveLength(1);
    expect(after[0]!.fingerprint).toBe(before!.fingerprint);
    expect(after[0]!.line).toBe(10);
  });

  it("day 4 fixed, day 5 back: fixed with last-seen, then reopened; snapshots both days", async () => {
    await setFacts("api", ciFacts("api", "b".repeat(40), 3));
    expect((await score(4)).snapshots).toBe(1);
    expect((await unpinned(api))[0]).toMatchObject({ fixedAt: day(4), lastSeenAt: day(3) });
    await setFacts("api", ciFacts("api", "v1", 3));
    expect((await score(5)).snapshots).toBe(1);
    expect((await unpinned(api))[0]).toMatchObject({ fixedAt: null, reopenedAt: day(5), reopenCount: 1 });
    expect(await db.prisma.repoScoreSnapshot.count({ where: { repositoryId: api } })).toBe(3);
  });

  it("a repository's history: change points only, and its open finding first seen on day 1", async () => {
    const h = await getRepoHistory(lead, { owner: "acme", name: "api", days: 30, now: day(5) });
    expect(h.points.map((p) => p.at)).toEqual([day(1), day(4), day(5)]);
    expect(h.open.find((o) => o.checkId === "unpinned-action")).toMatchObject({
      firstSeenAt: day(1),
      reopenCount: 1,
    });
    await expect(getRepoHistory(lead, { owner: "acme", name: "nope" })).rejects.toThrow(/No such repository/);
  });

  it("trend: one point per scoring in the window, oldest first", async () => {
    const points = await getOrgTrend(lead, { organizationId: orgId, days: 3, now: day(5) });
    expect(points.map((p) => p.at)).toEqual([day(3), day(4), day(5)]);
    expect(points[1]!.supplyChain).toBeGreaterThan(points[0]!.supplyChain!);
    expect(await getOrgTrend(lead, { organizationId: orgId, days: 7, now: day(20) })).toEqual([]);
  });

  it("checks across the org and the repository table's filters", async () => {
    const checks = await listOrgChecks(lead, { organizationId: orgId });
    const byId = new Map(checks.items.map((c) => [c.check, c]));
    expect(byId.get("unpinned-action")).toMatchObject({ failing: 1 });
    expect(byId.get("org-2fa")).toMatchObject({ failing: 0, orgFailing: true });
    expect(checks.items[0]!.failing).toBeGreaterThanOrEqual(checks.items[1]!.failing);

    const names = async (q: Record<string, unknown>) =>
      (await listRepos(lead, { organizationId: orgId, sort: "name", ...q })).items.map((i) => i.name);
    expect(await names({})).toEqual(["api", "deploy", "web"]);
    expect(await names({ empty: "true" })).toEqual(["api", "deploy", "sandbox", "web"]);
    // Booleans from code (the REST API, the page re-parsing) as well as from a URL.
    expect(await names({ empty: true, archived: false })).toEqual(["api", "deploy", "sandbox", "web"]);
    expect(await names({ production: "true", failing: "production-no-reviewers" })).toEqual(["deploy"]);
    expect(await names({ failing: "unpinned-action" })).toEqual(["api"]);
    expect(await names({ q: "WE" })).toEqual(["web"]);
    const paged = await listRepos(lead, { organizationId: orgId, sort: "name", pageSize: 2, page: 2 });
    expect(paged).toMatchObject({ total: 3, items: [{ name: "web" }] });
    expect(() => listRepos(lead, { organizationId: orgId, bogus: 1 })).rejects.toThrow();
  });
});
