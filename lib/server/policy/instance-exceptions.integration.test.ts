// Accepting one finding's risk (instance-scoped exceptions), its expiry reopening the task
// by itself (the periodic sweep with an injected clock), and revoking an exception: a real
// sync from the simulator, real Postgres, the same verbs the pages call.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertGitHubUser } from "../../../prisma/seed/factories";
import { startSyncHarness, type SyncHarness } from "../../../testing/sync/harness";
import { syncTestFixture } from "../../../testing/sync/org-fixture";
import { runQueuedRescore } from "../../../testing/policy-rescore";
import { stopSenderBoss } from "../../../testing/sender-boss";
import { setDb } from "../../db";
import { isAppError } from "../../errors";
import { runSyncInline } from "../../sync/engine/run-inline";
import type { Actor } from "../authz/actor";
import { systemActor } from "../authz/actor";
import { reopenLapsedExceptionTasks } from "../internal/exception-expiry";
import { scoreOrganization } from "../scores/score-organization";
import { getRepoScore } from "../scores/get-repo-score";
import { getTask } from "../tasks/get-task";
import { listTasks } from "../tasks/list-tasks";
import { addPolicyException } from "./add-policy-exception";
import { approvePolicyException } from "./approve-policy-exception";
import { revokePolicyException } from "./revoke-policy-exception";

let h: SyncHarness;
let sam: Actor;
let lena: Actor;
const engineer: Actor = { userId: "user-eng", login: "eng", role: "engineer", ip: null, userAgent: null };
const day1 = new Date("2026-03-01T00:00:00Z");
const day2 = new Date("2026-03-02T00:00:00Z");
const expiry = "2026-04-01T00:00:00Z";
const REPO = "acme/svc-0000";
const CHECK = "unpinned-action";
const ci = (steps: string[]) => `name: ci
on: [push]
permissions: read-all
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
${steps.map((s) => `      - uses: ${s}`).join("\n")}
      - run: npm test
`;
const PINNED_NODE = "actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020 # v4";

async function syncAndScore(now: Date) {
  const { status } = await runSyncInline(h.ctx, { kind: "incremental", trigger: "manual" });
  expect(status).toBe("succeeded");
  return scoreOrganization(systemActor("sync"), { organizationId: h.organizationId, now });
}
const repoView = (now: Date) => getRepoScore(sam, { owner: "acme", name: "svc-0000" }, now);
async function check(now: Date) {
  const view = await repoView(now);
  return { view, result: view.score!.results.find((r) => r.checkId === CHECK)! };
}
async function task() {
  const { items } = await listTasks(engineer, { repo: REPO });
  return items.find((t) => t.check === CHECK)!;
}

beforeAll(async () => {
  h = await startSyncHarness(syncTestFixture(1));
  setDb(h.db.prisma);
  Object.assign(process.env, {
    DATABASE_URL: h.db.url,
    NEXTAUTH_SECRET: "x".repeat(32),
    NEXTAUTH_URL: "https://gatehouse.example",
    GITHUB_CLIENT_ID: "x",
    GITHUB_CLIENT_SECRET: "y",
    GATEHOUSE_ENCRYPTION_KEY: h.key.toString("base64"),
  });
  const lead = async (id: number, login: string): Promise<Actor> => {
    const u = await upsertGitHubUser(h.db.prisma, { id, login, name: null, email: null }, "security_lead");
    return { userId: u.id, login, role: "security_lead", ip: null, userAgent: null };
  };
  sam = await lead(31, "sam");
  lena = await lead(32, "lena");
  // Two unpinned actions: two findings (instances) of one check, one task.
  h.sim.push("svc-0000", {
    files: { ".github/workflows/ci.yml": ci(["actions/checkout@v4", "actions/setup-node@v4"]) },
  });
  const { status } = await runSyncInline(h.ctx, { kind: "full", trigger: "manual" });
  expect(status).toBe("succeeded");
  await scoreOrganization(systemActor("sync"), { organizationId: h.organizationId, now: day1 });
});
afterAll(async () => {
  await stopSenderBoss();
  await h?.close();
});

describe("instance-scoped exceptions", () => {
  let exceptionId = "";

  it("accept only the finding they name once a second lead approves; the check and its task still fail", async () => {
    const { result } = await check(day1);
    expect(result.status).toBe("fail");
    expect(result.findings).toHaveLength(2);
    const checkout = result.findings.findIndex((f) => f.message.includes("actions/checkout"));
    const fingerprint = result.fingerprints[checkout]!;
    expect(fingerprint).toMatch(/^[0-9a-f]{16}$/);

    const requested = await addPolicyException(sam, {
      checkId: CHECK,
      repo: REPO,
      fingerprint,
      justification: "checkout is GitHub's own action; pinned next quarter",
      expiresAt: expiry,
      now: day1,
    });
    exceptionId = requested.exceptionId;
    // Pending: the repository page shows who asked and that it awaits approval; nothing is waived.
    const pending = await check(day1);
    expect(pending.view.exceptions).toEqual([
      expect.objectContaining({
        id: exceptionId,
        fingerprint,
        requestedBy: "sam",
        approver: null,
        status: "pending",
      }),
    ]);
    expect(pending.result.findings.every((f) => !f.suppressed)).toBe(true);

    await runQueuedRescore(await approvePolicyException(lena, { exceptionId, now: day1 }), day1);
    const approved = await check(day1);
    expect(approved.view.exceptions).toEqual([
      expect.objectContaining({ id: exceptionId, approver: "lena", expiresAt: expiry, status: "active" }),
    ]);
    expect(approved.result.status).toBe("fail");
    expect(approved.result.findings.map((f) => f.suppressed?.exceptionId ?? null)).toEqual(
      result.findings.map((_, i) => (i === checkout ? exceptionId : null)),
    );
    expect((await task()).status).toBe("open");
  });

  it("refuse a fingerprint with a pattern for the repository, naming the field", async () => {
    await expect(
      addPolicyException(sam, {
        checkId: CHECK,
        repo: "acme/svc-*",
        fingerprint: "0123456789abcdef",
        justification: "one finding in many repositories cannot be",
        expiresAt: expiry,
        now: day1,
      }),
    ).rejects.toMatchObject({
      code: "invalid",
      issues: [
        expect.stringMatching(
          /^exceptions\[\d+\]\.repo: an exception for one finding names exactly one repository/,
        ),
      ],
    });
    await expect(
      addPolicyException(sam, {
        checkId: CHECK,
        repo: REPO,
        fingerprint: "nope",
        justification: "a malformed fingerprint is refused",
        expiresAt: expiry,
      }),
    ).rejects.toThrow(/fingerprint/);
  });

  it("once the other finding is fixed the task is accepted; when the exception expires the sweep reopens it", async () => {
    h.sim.push("svc-0000", {
      files: { ".github/workflows/ci.yml": ci(["actions/checkout@v4", PINNED_NODE]) },
    });
    await syncAndScore(day2);
    // The accepted line kept its fingerprint through the push (its line did not change).
    const accepted = await task();
    expect(accepted).toMatchObject({ status: "accepted_risk", exceptionId });

    // Before expiry the sweep finds nothing to do.
    expect(await reopenLapsedExceptionTasks(new Date("2026-03-31T23:59:59Z"))).toEqual({
      organizations: [],
      transitioned: 0,
    });
    const after = new Date(expiry);
    const sweep = await reopenLapsedExceptionTasks(after);
    expect(sweep.organizations).toEqual([h.organizationId]);
    const reopened = await getTask(engineer, { id: accepted.id });
    expect(reopened.status).toBe("open");
    expect(reopened.events.at(-1)).toMatchObject({
      kind: "exception_expired",
      fromStatus: "accepted_risk",
      toStatus: "open",
      note: `exception ${exceptionId} expired`,
    });
    expect((await check(after)).result.findings.every((f) => !f.suppressed)).toBe(true);
    // A second sweep has nothing left to reopen.
    expect((await reopenLapsedExceptionTasks(after)).organizations).toEqual([]);
  });
});

describe("revoking an exception", () => {
  it("is for security leads; it removes the exception, is audited, and reopens the task", async () => {
    const now = new Date("2026-04-02T00:00:00Z");
    const { exceptionId } = await addPolicyException(lena, {
      checkId: CHECK,
      repo: REPO,
      justification: "the whole check, until the migration",
      expiresAt: "2026-06-01T00:00:00Z",
      now,
    });
    const approval = await approvePolicyException(sam, { exceptionId, now });
    // Approving only queued the re-scoring: the task moves when the job has run.
    expect(await task()).toMatchObject({ status: "open" });
    await runQueuedRescore(approval, now);
    expect(await task()).toMatchObject({ status: "accepted_risk", exceptionId });

    await expect(revokePolicyException(engineer, { exceptionId })).rejects.toSatisfy((e) =>
      isAppError(e, "forbidden"),
    );
    await expect(revokePolicyException(sam, { exceptionId: "EX-404-1", now })).rejects.toSatisfy((e) =>
      isAppError(e, "not_found"),
    );
    const saved = await runQueuedRescore(await revokePolicyException(sam, { exceptionId, now }), now);
    expect(saved.changes.exceptions?.removed).toEqual([exceptionId]);
    const view = await repoView(now);
    expect(view.exceptions.map((e) => e.id)).not.toContain(exceptionId);
    const reopened = await getTask(engineer, { id: (await task()).id });
    expect(reopened.status).toBe("open");
    expect(reopened.events.at(-1)).toMatchObject({
      kind: "exception_revoked",
      note: `exception ${exceptionId} revoked`,
    });
    const audit = await h.db.prisma.auditLogEntry.findFirst({
      where: { action: "policy.updated", targetId: String(saved.version) },
      select: { actorId: true, details: true },
    });
    expect(audit).toMatchObject({
      actorId: sam.userId,
      details: expect.objectContaining({ note: `Exception ${exceptionId} revoked` }),
    });
  });
});

describe("the expiry sweep", () => {
  it("re-scores an organisation whose instance exception expired while its task stayed open", async () => {
    const now = new Date("2026-04-10T00:00:00Z");
    h.sim.push("svc-0000", {
      files: { ".github/workflows/ci.yml": ci(["actions/checkout@v4", "actions/setup-node@v4"]) },
    });
    await syncAndScore(now);
    const { result } = await check(now);
    const { exceptionId } = await addPolicyException(sam, {
      checkId: CHECK,
      repo: REPO,
      fingerprint: result.fingerprints[0]!,
      justification: "one line only, for a short while",
      expiresAt: "2026-05-01T00:00:00Z",
      now,
    });
    await runQueuedRescore(await approvePolicyException(lena, { exceptionId, now }), now);
    expect((await check(now)).result.findings.map((f) => f.suppressed?.exceptionId ?? null)).toEqual([
      exceptionId,
      null,
    ]);
    expect(await task()).toMatchObject({ status: "open" });

    expect((await reopenLapsedExceptionTasks(new Date("2026-04-30T00:00:00Z"))).organizations).toEqual([]);
    const after = new Date("2026-05-01T00:00:00Z");
    expect(await reopenLapsedExceptionTasks(after)).toEqual({
      organizations: [h.organizationId],
      transitioned: 0,
    });
    // The stored score no longer waives the finding; the task was open all along.
    expect((await check(after)).result.findings.every((f) => !f.suppressed)).toBe(true);
    expect((await reopenLapsedExceptionTasks(after)).organizations).toEqual([]);
  });
});
