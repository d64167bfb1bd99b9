// Scoring from stored snapshots against a real Postgres: scores are computed from the
// facts sync stored (never from GitHub), a policy change re-scores without touching the
// snapshots, exceptions waive findings until they expire, only security leads change
// policy, and the same facts + policy + clock always store the same JSON.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../testing/db";
import { setDb } from "../../db";
import { makeBranchProtection, makeFacts, makeOrg } from "../../../testing/facts";
import { createRepoWithFacts } from "../../../testing/seed-repo";
import type { OrgPart } from "../../facts/assemble";
import type { CheckResult } from "../../checks/types";
import { upsertGitHubUser, upsertOrganization } from "../../../prisma/seed/factories";
import { systemActor, type Actor } from "../authz/actor";
import { listAuditEntries } from "../audit/list-audit-entries";
import { scoreOrganization } from "./score-organization";
import { getRepoScore } from "./get-repo-score";
import { updatePolicy } from "../policy/update-policy";
import { addPolicyException } from "../policy/add-policy-exception";
import { approvePolicyException } from "../policy/approve-policy-exception";
import { getActivePolicy } from "../policy/get-active-policy";
import { listPolicyVersions } from "../policy/list-policy-versions";
import { writeRepoScores } from "../internal/write-repo-scores";
import { runPolicyRescore } from "../internal/policy-rescore";
import { stopSenderBoss, useSenderBoss } from "../../../testing/sender-boss";

let db: TestDatabase;
let orgId: string;
let lead: Actor;
let secondLead: Actor;
let engineer: Actor;
let auditor: Actor;
const sync = systemActor("sync");
const now = new Date("2026-03-01T00:00:00Z");
const actor = (userId: string, login: string, role: Actor["role"]): Actor => ({
  userId,
  login,
  role,
  ip: "198.51.100.4",
  userAgent: "vitest",
});

const orgPart = (overrides: Partial<OrgPart> = {}): OrgPart => ({
  settings: makeOrg({ login: "acme" }),
  secrets: [],
  alerts: { secretScanning: {}, dependabot: {} },
  actionAdvisories: [],
  ...overrides,
});

async function addRepo(name: string, facts: ReturnType<typeof makeFacts>) {
  return createRepoWithFacts(db.prisma, orgId, `acme/${name}`, facts, {
    syncedAt: new Date("2026-02-27T10:00:00Z"),
  });
}

const scoreOf = (name: string) =>
  db.prisma.repoScore.findFirstOrThrow({ where: { repository: { fullName: `acme/${name}` } } });
const resultOf = async (name: string, checkId: string) =>
  ((await scoreOf(name)).results as unknown as CheckResult[]).find((r) => r.checkId === checkId)!;

beforeAll(async () => {
  db = await createTestDatabase();
  setDb(db.prisma);
  useSenderBoss(db.url); // saving the policy queues its re-scoring
  orgId = (await upsertOrganization(db.prisma, "acme", "Acme")).id;
  const s = await upsertGitHubUser(
    db.prisma,
    { id: 11, login: "sam", name: "Sam", email: null },
    "security_lead",
  );
  const e = await upsertGitHubUser(db.prisma, { id: 12, login: "eve", name: "Eve", email: null }, "engineer");
  const i = await upsertGitHubUser(db.prisma, { id: 13, login: "ian", name: "Ian", email: null }, "auditor");
  lead = actor(s.id, "sam", "security_lead");
  const l = await upsertGitHubUser(
    db.prisma,
    { id: 14, login: "lena", name: "Lena", email: null },
    "security_lead",
  );
  secondLead = actor(l.id, "lena", "security_lead");
  engineer = actor(e.id, "eve", "engineer");
  auditor = actor(i.id, "ian", "auditor");
  await db.prisma.orgSnapshot.create({
    data: { organizationId: orgId, facts: JSON.parse(JSON.stringify(orgPart())) },
  });
  await addRepo(
    "api",
    makeFacts({
      name: "api",
      settings: { branchProtection: makeBranchProtection({ allowForcePushes: true }) },
    }),
  );
  await addRepo("web", makeFacts({ name: "web" }));
  // A repository sync has listed but not fetched yet: no snapshot, so no score.
  await db.prisma.repository.create({ data: { organizationId: orgId, name: "new", fullName: "acme/new" } });
});

afterAll(async () => {
  await stopSenderBoss();
  await db?.drop();
});

describe("scoring from stored snapshots", () => {
  it("scores every repository with a snapshot under the default policy", async () => {
    const run = await scoreOrganization(sync, { organizationId: orgId, now });
    expect(run).toMatchObject({ policyVersion: 0, scored: 2, written: 2 });
    const api = await scoreOf("api");
    const web = await scoreOf("web");
    expect(api.overall!).toBeLessThan(web.overall!);
    expect(api.factsSyncedAt.toISOString()).toBe("2026-02-27T10:00:00.000Z");
    expect(api.computedAt.toISOString()).toBe(now.toISOString());
    expect(api.failingHigh).toBeGreaterThanOrEqual(1);
    const forcePush = await resultOf("api", "force-push");
    expect(forcePush.status).toBe("fail");
    expect(forcePush.findings[0]).toMatchObject({
      evidence: { kind: "api" },
      remediation: expect.stringContaining("force push"),
    });
    expect((await resultOf("web", "force-push")).status).toBe("pass");
    expect(await db.prisma.repoScore.count()).toBe(2);
  });

  it("merges the org snapshot into each repository's facts", async () => {
    expect((await resultOf("api", "org-2fa")).status).toBe("pass");
    await db.prisma.orgSnapshot.update({
      where: { organizationId: orgId },
      data: {
        facts: JSON.parse(JSON.stringify(orgPart({ settings: makeOrg({ twoFactorRequired: false }) }))),
      },
    });
    await scoreOrganization(sync, { organizationId: orgId, now });
    expect((await resultOf("api", "org-2fa")).status).toBe("fail");
    // The org's setting is counted once (the org snapshot), not as each repository's critical failure.
    expect((await scoreOf("web")).failingCritical).toBe(0);
    const orgRow = await db.prisma.orgScoreSnapshot.findFirstOrThrow({
      where: { organizationId: orgId },
      orderBy: { takenAt: "desc" },
    });
    expect((orgRow.orgFindings as Array<{ checkId: string }>).map((f) => f.checkId)).toEqual(["org-2fa"]);
    await db.prisma.orgSnapshot.update({
      where: { organizationId: orgId },
      data: { facts: JSON.parse(JSON.stringify(orgPart())) },
    });
    await scoreOrganization(sync, { organizationId: orgId, now });
  });

  it("is deterministic: scoring twice stores identical JSON and columns", async () => {
    const first = await db.prisma.repoScore.findMany({ orderBy: { repositoryId: "asc" } });
    await scoreOrganization(sync, { organizationId: orgId, now, pageSize: 1 });
    const second = await db.prisma.repoScore.findMany({ orderBy: { repositoryId: "asc" } });
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it("refuses roles that cannot start jobs", async () => {
    await expect(scoreOrganization(engineer, { organizationId: orgId })).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});

describe("policy changes re-score without re-syncing", () => {
  it("a security lead's new weights change the stored score, audited, snapshots untouched", async () => {
    const snapshotsBefore = await db.prisma.repoSnapshot.findMany({ orderBy: { repositoryId: "asc" } });
    const before = (await scoreOf("api")).overall!;
    const saved = await updatePolicy(lead, {
      policy: JSON.stringify({ version: 1, weights: { high: 30 } }),
      note: "high findings matter more",
      expectedVersion: 0,
      now,
    });
    expect(saved).toMatchObject({
      changed: true,
      version: 1,
      changes: { weights: { high: { from: 7.5, to: 30 } } },
    });
    // The save queued the re-scoring; run it as the worker would.
    expect((await scoreOf("api")).policyVersion).toBe(0);
    await runPolicyRescore(saved.rescoreId!, { now });
    const api = await scoreOf("api");
    expect(api.policyVersion).toBe(1);
    expect(api.overall).not.toBe(before);
    expect(await db.prisma.repoSnapshot.findMany({ orderBy: { repositoryId: "asc" } })).toEqual(
      snapshotsBefore,
    );
    const [rescored, entry] = await listAuditEntries(lead, { limit: 2 });
    expect(rescored).toMatchObject({
      action: "policy.rescored",
      targetId: "1",
      details: { repositories: 2 },
    });
    expect(entry).toMatchObject({
      action: "policy.updated",
      actorLogin: "sam",
      targetId: "1",
      details: { version: 1, previousVersion: 0, changes: ["weight high: 7.5 → 30"] },
    });
  });

  it("shows zod's problems for an invalid document and saves nothing", async () => {
    await expect(
      updatePolicy(lead, { policy: '{"version":1,"weights":{"high":-1},"criticalRepos":["nope"]}' }),
    ).rejects.toMatchObject({
      code: "invalid",
      issues: [
        expect.stringMatching(/^weights\.high: /),
        expect.stringMatching(/^criticalRepos\[0\]: must be "owner\/repo"/),
      ],
    });
    await expect(updatePolicy(lead, { policy: "{not json" })).rejects.toMatchObject({ code: "invalid" });
    expect(await db.prisma.policyVersion.count()).toBe(1);
  });

  it("refuses a save made on a stale version", async () => {
    await expect(updatePolicy(lead, { policy: { version: 1 }, expectedVersion: 0 })).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("engineers and auditors cannot change policy or approve exceptions; each refusal is audited", async () => {
    await expect(updatePolicy(engineer, { policy: { version: 1 } })).rejects.toMatchObject({
      code: "forbidden",
    });
    let [entry] = await listAuditEntries(lead, { limit: 1 });
    expect(entry).toMatchObject({
      action: "authz.denied",
      actorLogin: "eve",
      details: { permission: "policy:edit", role: "engineer" },
    });
    await expect(updatePolicy(auditor, { policy: { version: 1 } })).rejects.toMatchObject({
      code: "forbidden",
    });
    [entry] = await listAuditEntries(lead, { limit: 1 });
    expect(entry).toMatchObject({
      action: "authz.denied",
      actorLogin: "ian",
      details: { permission: "policy:edit" },
    });
    const exception = {
      checkId: "force-push",
      repo: "acme/api",
      justification: "I would like to approve my own risk",
      expiresAt: "2026-04-01",
    };
    await expect(addPolicyException(engineer, exception)).rejects.toMatchObject({ code: "forbidden" });
    [entry] = await listAuditEntries(lead, { limit: 1 });
    expect(entry).toMatchObject({
      action: "authz.denied",
      actorLogin: "eve",
      details: { permission: "exception:approve" },
    });
    expect(await db.prisma.policyVersion.count()).toBe(1);
  });
});

describe("exceptions", () => {
  it("suppress a finding once a second lead approves, until they expire", async () => {
    const before = (await scoreOf("api")).overall!;
    const saved = await addPolicyException(lead, {
      checkId: "force-push",
      repo: "acme/api",
      justification: "Release tooling rewrites tags until Q2",
      expiresAt: "2026-04-01",
      now,
    });
    expect(saved).toMatchObject({ changed: true, version: 2, exceptionId: "EX-2-1" });
    // Pending: the score does not move, and the requester cannot approve it.
    expect((await resultOf("api", "force-push")).status).toBe("fail");
    expect((await scoreOf("api")).overall).toBe(before);
    await expect(approvePolicyException(lead, { exceptionId: "EX-2-1", now })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(approvePolicyException(engineer, { exceptionId: "EX-2-1", now })).rejects.toMatchObject({
      code: "forbidden",
    });
    const approved = await approvePolicyException(secondLead, { exceptionId: "EX-2-1", now });
    expect(approved).toMatchObject({ changed: true, version: 3, rescoreId: expect.any(String) });
    // The approval queued the re-scoring: nothing moves until the job has run.
    expect((await resultOf("api", "force-push")).status).toBe("fail");
    await runPolicyRescore(approved.rescoreId!, { now });
    await expect(approvePolicyException(secondLead, { exceptionId: "EX-2-1", now })).rejects.toMatchObject({
      code: "conflict",
    });
    const result = await resultOf("api", "force-push");
    expect(result.status).toBe("pass");
    expect(result.findings[0]!.suppressed).toEqual({
      by: "exception",
      reason: "Release tooling rewrites tags until Q2",
      exceptionId: "EX-2-1",
    });
    const api = await scoreOf("api");
    expect(api.overall!).toBeGreaterThan(before);
    expect(api.checksSuppressed).toBe(1);
    const policy = await getActivePolicy(auditor, now);
    expect(policy.exceptions).toEqual([
      expect.objectContaining({ id: "EX-2-1", requestedBy: "sam", approver: "lena", active: true }),
    ]);

    // Until something re-scores, the repository page says the stored score rests on a lapsed exception.
    const pending = await getRepoScore(
      engineer,
      { owner: "acme", name: "api" },
      new Date("2026-04-01T00:00:00Z"),
    );
    expect(pending.lapsedExceptions).toEqual(["EX-2-1"]);
    // Nobody edits anything: the next scoring after expiry simply stops applying it.
    await scoreOrganization(sync, { organizationId: orgId, now: new Date("2026-04-01T00:00:00Z") });
    expect((await resultOf("api", "force-push")).status).toBe("fail");
    expect((await scoreOf("api")).overall).toBe(before);
    expect((await getActivePolicy(auditor, new Date("2026-04-02T00:00:00Z"))).exceptions[0]!.active).toBe(
      false,
    );
    expect(
      (await getRepoScore(engineer, { owner: "acme", name: "api" }, new Date("2026-04-01T00:00:00Z")))
        .lapsedExceptions,
    ).toEqual([]);
  });

  it("records the saving lead as requester (pending), whatever the document claims", async () => {
    const current = (await getActivePolicy(lead)).policy;
    const forged = {
      ...current,
      exceptions: [
        ...current.exceptions.map((e) => ({ ...e, approver: "ceo" })),
        {
          id: "EX-X",
          checkId: "signed-commits",
          repo: "acme/*",
          justification: "Bots cannot sign commits yet",
          approver: "ceo",
          expiresAt: "2027-01-01T00:00:00Z",
        },
      ],
    };
    await updatePolicy(lead, { policy: forged, now });
    const exceptions = (await getActivePolicy(lead)).exceptions;
    expect(exceptions.map((e) => [e.id, e.requestedBy ?? null, e.approver ?? null])).toEqual([
      ["EX-2-1", "sam", "lena"],
      ["EX-X", "sam", null],
    ]);
  });
});

describe("concurrent runs", () => {
  it("a slower run under an older policy version never overwrites a newer score", async () => {
    const stored = await scoreOf("api");
    const stale = {
      ...stored,
      policyVersion: 0,
      overall: 1,
      results: [] as CheckResult[],
    } as unknown as Parameters<typeof writeRepoScores>[1][number];
    expect(await writeRepoScores(db.prisma, [stale], new Date())).toBe(0);
    expect((await scoreOf("api")).overall).toBe(stored.overall);
    expect(await writeRepoScores(db.prisma, [{ ...stale, policyVersion: stored.policyVersion }], now)).toBe(
      1,
    );
    expect((await scoreOf("api")).overall).toBe(1);
    await scoreOrganization(sync, { organizationId: orgId, now });
  });
});

describe("reads", () => {
  it("lists policy versions newest first with who saved them and what changed", async () => {
    const versions = await listPolicyVersions(engineer);
    expect(versions.map((v) => [v.version, v.createdByLogin])).toEqual([
      [4, "sam"],
      [3, "lena"],
      [2, "sam"],
      [1, "sam"],
    ]);
    expect(versions[1]).toMatchObject({
      note: "Exception EX-2-1 approved",
      changes: ["exceptions changed: EX-2-1"],
    });
    expect(versions[2]).toMatchObject({
      note: "Exception EX-2-1 requested: force-push on acme/api",
      changes: ["exceptions added: EX-2-1"],
    });
    expect(versions[3]).toMatchObject({
      note: "high findings matter more",
      changes: ["weight high: 7.5 → 30"],
    });
  });

  it("returns one repository's results with titles, or not-found", async () => {
    const view = await getRepoScore(engineer, { owner: "acme", name: "api" });
    expect(view.score?.results.find((r) => r.checkId === "force-push")).toMatchObject({
      title: expect.stringContaining("Force pushes"),
      status: "pass",
      findings: [{ suppressed: { by: "exception", exceptionId: "EX-2-1" } }],
    });
    expect((await getRepoScore(engineer, { owner: "acme", name: "new" })).score).toBeNull();
    // GitHub names are case-insensitive: a differently-cased URL finds the same repository.
    const upper = await getRepoScore(engineer, { owner: "ACME", name: "Api" });
    expect(upper.repository.fullName).toBe("acme/api");
    expect(upper.score?.results).toEqual(view.score?.results);
    await expect(getRepoScore(engineer, { owner: "acme", name: "ghost" })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
