// What the repository page's summary reads from getRepoScore: the top fixes (ranked by the
// points they gain, computed from the stored results) and where the synced files live.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../testing/db";
import { setDb } from "../../db";
import { makeBranchProtection, makeFacts, makeOrg } from "../../../testing/facts";
import { upsertGitHubUser, upsertOrganization } from "../../../prisma/seed/factories";
import { systemActor, type Actor } from "../authz/actor";
import { scoreOrganization } from "./score-organization";
import { getRepoScore } from "./get-repo-score";
import { getRepoHistory } from "../history/get-repo-history";

let db: TestDatabase;
let engineer: Actor;

beforeAll(async () => {
  db = await createTestDatabase();
  setDb(db.prisma);
  const orgId = (await upsertOrganization(db.prisma, "globex", "Globex")).id;
  const e = await upsertGitHubUser(db.prisma, { id: 21, login: "gia", name: "Gia", email: null }, "engineer");
  engineer = { userId: e.id, login: "gia", role: "engineer", ip: "198.51.100.9", userAgent: "vitest" };
  await db.prisma.gitHubConnection.create({
    data: {
      organizationId: orgId,
      kind: "pat",
      baseUrl: "https://ghe.globex.test/api/v3",
      secretCiphertext: "x",
    },
  });
  await db.prisma.orgSnapshot.create({
    data: {
      organizationId: orgId,
      facts: JSON.parse(
        JSON.stringify({
          settings: makeOrg({ login: "globex" }),
          secrets: [],
          alerts: { secretScanning: {}, dependabot: {} },
          actionAdvisories: [],
        }),
      ),
    },
  });
  for (const [name, headOid, forcePush] of [
    ["risky", "0123456789abcdef0123456789abcdef01234567", true],
    ["tidy", null, false],
  ] as const) {
    const repo = await db.prisma.repository.create({
      data: { organizationId: orgId, name, fullName: `globex/${name}` },
    });
    const facts = makeFacts({
      owner: "globex",
      name,
      settings: { branchProtection: makeBranchProtection({ allowForcePushes: forcePush }) },
    });
    await db.prisma.repoSnapshot.create({
      data: {
        repositoryId: repo.id,
        fingerprint: "fp",
        factsVersion: 1,
        headOid,
        facts: JSON.parse(JSON.stringify(facts)),
      },
    });
  }
  await scoreOrganization(systemActor("sync"), {
    organizationId: orgId,
    now: new Date("2026-03-01T00:00:00Z"),
  });
});

afterAll(async () => db?.drop());

it("ranks the open failures by the points their fix gains, and says where the files live", async () => {
  const view = await getRepoScore(engineer, { owner: "globex", name: "risky" });
  const failing = view.score!.results.filter((r) => r.status === "fail").map((r) => r.checkId);
  expect(failing).toContain("force-push");
  expect(view.topFixes.map((f) => f.checkId)).toContain("force-push");
  expect(view.topFixes.every((f) => failing.includes(f.checkId) && f.gain > 0)).toBe(true);
  const gains = view.topFixes.map((f) => f.gain);
  expect(gains).toEqual([...gains].sort((a, b) => b - a));
  const forcePush = view.topFixes.find((f) => f.checkId === "force-push")!;
  expect(forcePush.overallAfter).toBeCloseTo(view.score!.overall! + forcePush.gain, 1);
  expect(view.source).toEqual({
    apiBaseUrl: "https://ghe.globex.test/api/v3",
    headOid: "0123456789abcdef0123456789abcdef01234567",
  });
});

it("has no force-push fix to suggest where force pushes are already blocked", async () => {
  const view = await getRepoScore(engineer, { owner: "globex", name: "tidy" });
  expect(view.topFixes.map((f) => f.checkId)).not.toContain("force-push");
  expect(view.source.headOid).toBeNull();
});

it("reads the page's history with the score, as getRepoHistory returns it, also from a differently-cased URL", async () => {
  const now = new Date("2026-03-02T00:00:00Z");
  const alone = await getRepoHistory(engineer, { owner: "globex", name: "risky", now });
  expect(alone.points.length).toBeGreaterThan(0);
  expect(alone.open.length).toBeGreaterThan(0);
  for (const name of ["risky", "RISKY"]) {
    const view = await getRepoScore(engineer, { owner: "globex", name, history: true }, now);
    expect(view.history).toEqual(alone);
  }
  expect((await getRepoScore(engineer, { owner: "globex", name: "risky" })).history).toBeNull();
});
