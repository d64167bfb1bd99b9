// The policy form's save against a real Postgres and pg-boss: the save returns with a
// queued re-scoring (nothing re-scored inside the request), the worker's job reports its
// progress on the run row, moves every score to the new version and is audited; the form
// replaces only its own fields, refuses stale versions and names bad fields; any past
// version can be compared with the active one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../testing/db";
import { makeBranchProtection, makeFacts, makeOrg } from "../../../testing/facts";
import { createRepoWithFacts } from "../../../testing/seed-repo";
import { senderBoss, stopSenderBoss, useSenderBoss } from "../../../testing/sender-boss";
import { upsertGitHubUser, upsertOrganization } from "../../../prisma/seed/factories";
import { setDb } from "../../db";
import { systemActor, type Actor } from "../authz/actor";
import { listAuditEntries } from "../audit/list-audit-entries";
import { QUEUE_POLICY_RESCORE, runPolicyRescore } from "../internal/policy-rescore";
import { scoreOrganization } from "../scores/score-organization";
import { addPolicyException } from "./add-policy-exception";
import { approvePolicyException } from "./approve-policy-exception";
import { revokePolicyException } from "./revoke-policy-exception";
import { comparePolicyVersion } from "./compare-policy-version";
import { getActivePolicy } from "./get-active-policy";
import { getPolicyRescore } from "./get-policy-rescore";
import { updatePolicySettings } from "./update-policy-settings";

let db: TestDatabase;
let orgId: string;
let lead: Actor;
let secondLead: Actor;
let engineer: Actor;
let auditor: Actor;
const now = new Date("2026-03-01T00:00:00Z");
const actor = (userId: string, login: string, role: Actor["role"]): Actor => ({
  userId,
  login,
  role,
  ip: "198.51.100.9",
  userAgent: "vitest",
});
const settings = (over: Record<string, unknown> = {}) => ({
  weights: { critical: 10, high: 30, medium: 3, low: 1 },
  criticalRepos: ["acme/api"],
  productionEnvironmentPatterns: ["^prod"],
  productionEnvironments: ["acme/web:live"],
  ...over,
});
const scores = () =>
  db.prisma.repoScore.findMany({
    orderBy: { repositoryId: "asc" },
    select: { policyVersion: true, overall: true },
  });

beforeAll(async () => {
  db = await createTestDatabase();
  setDb(db.prisma);
  useSenderBoss(db.url);
  orgId = (await upsertOrganization(db.prisma, "acme", "Acme")).id;
  const s = await upsertGitHubUser(
    db.prisma,
    { id: 41, login: "sam", name: null, email: null },
    "security_lead",
  );
  const e = await upsertGitHubUser(db.prisma, { id: 42, login: "eve", name: null, email: null }, "engineer");
  const i = await upsertGitHubUser(db.prisma, { id: 43, login: "ian", name: null, email: null }, "auditor");
  const l = await upsertGitHubUser(
    db.prisma,
    { id: 44, login: "lena", name: null, email: null },
    "security_lead",
  );
  lead = actor(s.id, "sam", "security_lead");
  secondLead = actor(l.id, "lena", "security_lead");
  engineer = actor(e.id, "eve", "engineer");
  auditor = actor(i.id, "ian", "auditor");
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
  // Three repositories failing a high-severity check: a heavier "high" weight moves each score.
  for (const name of ["api", "web", "ops"])
    await createRepoWithFacts(
      db.prisma,
      orgId,
      `acme/${name}`,
      makeFacts({ name, settings: { branchProtection: makeBranchProtection({ allowForcePushes: true }) } }),
      { syncedAt: new Date("2026-02-27T10:00:00Z") },
    );
  await scoreOrganization(systemActor("sync"), { organizationId: orgId, now });
}, 60_000);
afterAll(async () => {
  await stopSenderBoss();
  await db?.drop();
});

describe("saving the policy form queues the re-scoring", () => {
  it("refuses engineers and auditors, saving and queueing nothing", async () => {
    for (const who of [engineer, auditor])
      await expect(updatePolicySettings(who, { ...settings(), expectedVersion: 0 })).rejects.toMatchObject({
        code: "forbidden",
      });
    expect(await db.prisma.policyVersion.count()).toBe(0);
    expect(await db.prisma.policyRescore.count()).toBe(0);
  });

  it("names the field of a bad value and saves nothing", async () => {
    await expect(
      updatePolicySettings(lead, {
        ...settings({ weights: { critical: 10, high: -1, medium: 3, low: 1 } }),
        expectedVersion: 0,
      }),
    ).rejects.toMatchObject({ code: "invalid", issues: [expect.stringContaining("weights.high")] });
    await expect(
      updatePolicySettings(lead, { ...settings({ criticalRepos: ["not a repo"] }), expectedVersion: 0 }),
    ).rejects.toMatchObject({ code: "invalid", issues: [expect.stringContaining("criticalRepos[0]")] });
    // A missing number (an empty box) is refused by the input schema, naming its path.
    await expect(
      updatePolicySettings(lead, {
        ...settings({ weights: { critical: 10, medium: 3, low: 1 } }),
        expectedVersion: 0,
      }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["weights", "high"] })] });
    expect(await db.prisma.policyVersion.count()).toBe(0);
  });

  it("returns with a queued run, then the job reports progress, re-scores everything and is audited", async () => {
    const before = await scores();
    const saved = await updatePolicySettings(lead, {
      ...settings(),
      note: "high matters",
      expectedVersion: 0,
    });
    expect(saved).toMatchObject({ changed: true, version: 1, rescoreId: expect.any(String) });
    // Nothing was re-scored in the request: the job is queued, the scores are untouched.
    expect(await scores()).toEqual(before);
    expect(await getPolicyRescore(engineer)).toMatchObject({
      status: "queued",
      percent: 0,
      policyVersion: 1,
    });
    expect(await (await senderBoss())!.getQueueSize(QUEUE_POLICY_RESCORE)).toBe(1);

    await runPolicyRescore(saved.rescoreId!, { now, pageSize: 1 });
    const after = await scores();
    expect(after.map((s) => s.policyVersion)).toEqual([1, 1, 1]);
    after.forEach((s, i) => expect(s.overall).not.toBe(before[i]!.overall));
    expect(await getPolicyRescore(auditor)).toMatchObject({
      status: "succeeded",
      reposDone: 3,
      reposTotal: 3,
      percent: 100,
      finishedAt: expect.any(Date),
    });
    const [rescored, updated] = await listAuditEntries(lead, { limit: 2 });
    expect(rescored).toMatchObject({
      action: "policy.rescored",
      targetId: "1",
      details: { rescoreId: saved.rescoreId, organizations: 1, repositories: 3 },
    });
    expect(updated).toMatchObject({ action: "policy.updated", actorLogin: "sam", targetId: "1" });
    // A retried job after success does nothing (no second audit entry).
    await runPolicyRescore(saved.rescoreId!, { now });
    expect((await listAuditEntries(lead, { limit: 1 }))[0]!.action).toBe("policy.rescored");
    expect((await listAuditEntries(lead, { limit: 2 }))[1]!.action).toBe("policy.updated");
  });

  it("scoring reports its progress after every page", async () => {
    const seen: number[] = [];
    await scoreOrganization(
      systemActor("sync"),
      { organizationId: orgId, now, pageSize: 2 },
      { onPage: async (n) => void seen.push(n) },
    );
    expect(seen).toEqual([2, 3]);
  });

  it("keeps exceptions from the server's copy and refuses a form opened on an older version", async () => {
    const { version, exceptionId } = await addPolicyException(lead, {
      checkId: "signed-commits",
      repo: "acme/api",
      justification: "Bots cannot sign commits yet",
      expiresAt: "2026-06-01",
      now,
    });
    await expect(updatePolicySettings(lead, { ...settings(), expectedVersion: 1 })).rejects.toMatchObject({
      code: "conflict",
    });
    const saved = await updatePolicySettings(lead, {
      ...settings({ criticalRepos: ["acme/api", "acme/web"] }),
      expectedVersion: version,
    });
    expect(saved).toMatchObject({ changed: true, version: version + 1 });
    const active = await getActivePolicy(auditor);
    expect(active.policy.criticalRepos).toEqual(["acme/api", "acme/web"]);
    expect(active.exceptions.map((e) => e.id)).toEqual([exceptionId]);
  });

  it("compares any past version with the active one, field by field", async () => {
    const c = await comparePolicyVersion(auditor, { version: "1" });
    expect(c).toMatchObject({ version: 1, activeVersion: 3 });
    expect(c.changes).toEqual([
      "critical repos added: acme/web",
      expect.stringMatching(/^exceptions added: EX-/),
    ]);
    expect(JSON.parse(c.policyJson)).toMatchObject({ weights: { high: 30 }, criticalRepos: ["acme/api"] });
    expect((await comparePolicyVersion(auditor, { version: 3 })).changes).toEqual([]);
    await expect(comparePolicyVersion(auditor, { version: 99 })).rejects.toMatchObject({ code: "not_found" });
    await expect(comparePolicyVersion(null, { version: 1 })).rejects.toMatchObject({
      code: "unauthenticated",
    });
  });
});

describe("exception decisions queue the re-scoring like the policy form", () => {
  const apiScore = async () =>
    db.prisma.repoScore.findFirstOrThrow({
      where: { repository: { fullName: "acme/api" } },
      select: { policyVersion: true, overall: true },
    });

  it("requesting, approving and revoking each return at once with a queued run; scores move only when it has run", async () => {
    const requested = await addPolicyException(lead, {
      checkId: "force-push",
      repo: "acme/api",
      justification: "Release tooling rewrites tags until Q2",
      expiresAt: "2026-06-01",
      now,
    });
    const approved = await approvePolicyException(secondLead, { exceptionId: requested.exceptionId, now });
    const before = await apiScore();
    for (const saved of [requested, approved]) {
      expect(saved.rescoreId).toEqual(expect.any(String));
      expect(
        await db.prisma.policyRescore.findUniqueOrThrow({ where: { id: saved.rescoreId! } }),
      ).toMatchObject({
        policyVersion: saved.version,
        status: "queued",
        requestedById: saved === requested ? lead.userId : secondLead.userId,
      });
    }
    expect(await getPolicyRescore(auditor)).toMatchObject({
      status: "queued",
      policyVersion: approved.version,
    });

    await runPolicyRescore(approved.rescoreId!, { now });
    const waived = await apiScore();
    expect(waived.policyVersion).toBe(approved.version);
    expect(waived.overall!).toBeGreaterThan(before.overall!);

    const revoked = await revokePolicyException(lead, { exceptionId: requested.exceptionId, now });
    expect(await apiScore()).toEqual(waived);
    expect(await getPolicyRescore(engineer)).toMatchObject({
      status: "queued",
      policyVersion: revoked.version,
    });
    await runPolicyRescore(revoked.rescoreId!, { now });
    expect(await apiScore()).toEqual({ policyVersion: revoked.version, overall: before.overall });
    expect(await getPolicyRescore(engineer)).toMatchObject({ status: "succeeded", percent: 100 });
  });
});
