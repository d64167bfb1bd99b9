// Object-level isolation across organisations (issue 8, ASVS 8.2.2), as fast-check
// properties over the real data layer and a real Postgres: with two organisations seeded
// and a user in only one member list, every id-taking verb answers the other
// organisation's ids exactly like ids that do not exist (not_found), nothing of it is
// written, and no list shows any of it: evidence packs and the audit log included. The
// other organisation's own user is the control: the same calls succeed for them.
// Actors come from the real resolution, once per request as in production: a real
// database session read by next-auth's real getServerSession through getActor(), and a
// real API key limited to one organisation read by resolveApiKey().
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type PgBoss from "pg-boss";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { upsertGitHubUser, upsertOrganization } from "@/prisma/seed/factories";
import { openZipPack } from "@/cli/verify/zip-reader";
import { createTestDatabase, type TestDatabase } from "@/testing/db";
import { asRequest, createSession } from "@/testing/real-session";
import { setDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { getActor } from "@/lib/auth/get-actor";
import { systemActor, type Actor } from "./authz/actor";
import { createApiKey } from "./api-keys/create-api-key";
import { resolveApiKey } from "./internal/resolve-api-key";
import { appendAuditEntry } from "./internal/append-audit-entry";
import { runEvidenceExport } from "./internal/run-evidence-export";
import { createEvidencePack } from "./evidence/create-evidence-pack";
import { getEvidencePack } from "./evidence/get-evidence-pack";
import { downloadEvidencePack } from "./evidence/download-evidence-pack";
import { listEvidencePacks } from "./evidence/list-evidence-packs";
import { getControlView } from "./evidence/get-control-view";
import { listAuditEntries } from "./audit/list-audit-entries";
import { exportAuditEntries } from "./audit/export-audit-entries";
import { getTask } from "./tasks/get-task";
import { listTasks } from "./tasks/list-tasks";
import { updateTask } from "./tasks/update-task";
import { openTaskIssue } from "./tasks/open-task-issue";
import { getRepoScore } from "./scores/get-repo-score";
import { getRepoHistory } from "./history/get-repo-history";
import { getThreatModel } from "./threat-models/get-threat-model";
import { listThreatModelRevisions } from "./threat-models/list-threat-model-revisions";
import { saveThreatModel } from "./threat-models/save-threat-model";
import { listOrganizations } from "./orgs/list-organizations";
import { getOrgSnapshot } from "./history/get-org-snapshot";
import { getOrgTrend } from "./history/get-org-trend";
import { listOrgChecks } from "./history/list-org-checks";
import { listRepos } from "./repos/list-repos";
import { addPolicyException } from "./policy/add-policy-exception";
import { approvePolicyException } from "./policy/approve-policy-exception";
import { listSyncRuns } from "./sync/list-sync-runs";
import { getSyncProgress } from "./sync/get-sync-progress";
import { startSync } from "./sync/start-sync";
import { revokePolicyException } from "./policy/revoke-policy-exception";

let db: TestDatabase;
const orgs: Record<"alpha" | "bravo", { id: string; repos: string[]; tasks: string[] }> = {
  alpha: { id: "", repos: [], tasks: [] },
  bravo: { id: "", repos: [], tasks: [] },
};
vi.mock("next/headers", async () => (await import("@/testing/real-session")).nextHeadersMock("vitest"));
vi.mock("next-auth", async (importOriginal) =>
  (await import("@/testing/real-session")).nextAuthMock(importOriginal, "vitest"),
);

const cookies: Record<"alice" | "bruno" | "ada" | "cleo", string> = {
  alice: "",
  bruno: "",
  ada: "",
  cleo: "",
};
let alphaKey = ""; // an API key limited to alpha, with a security lead's role

/** The actor of a request with `who`'s session cookie, resolved as a page resolves it. */
async function session(who: keyof typeof cookies): Promise<Actor> {
  const actor = await asRequest(cookies[who], () => getActor());
  if (!actor) throw new Error(`no session for ${who}`);
  return actor;
}
/** alpha's people as the real code resolves them: alice's session, or alpha's key. */
const ALPHA: Record<string, () => Promise<Actor>> = {
  "alice's session": () => session("alice"),
  "alpha's API key": async () =>
    (await resolveApiKey(`Bearer ${alphaKey}`, { ip: null, userAgent: "vitest" }))!,
};
let alice: Actor; // alpha's security lead: every read and write permission on objects
let bruno: Actor; // bravo's security lead (the control)

async function seedOrg(login: "alpha" | "bravo", n: number) {
  const org = await upsertOrganization(db.prisma, login, login);
  orgs[login].id = org.id;
  for (let i = 0; i < n; i++) {
    const name = `svc-${i}`;
    const repo = await db.prisma.repository.create({
      data: { organizationId: org.id, name, fullName: `${login}/${name}` },
    });
    orgs[login].repos.push(name);
    await db.prisma.repoScore.create({
      data: {
        repositoryId: repo.id,
        policyVersion: 1,
        factsSyncedAt: new Date("2026-01-01T00:00:00Z"),
        results: [],
        overall: 50 + i,
        coverage: 1,
        checksTotal: 0,
        checksPass: 0,
        checksFail: 0,
        checksNotApplicable: 0,
        checksUnknown: 0,
        checksSuppressed: 0,
        failingCritical: 0,
        failingHigh: 0,
        computedAt: new Date("2026-01-01T00:00:00Z"),
      },
    });
    const task = await db.prisma.remediationTask.create({
      data: {
        repositoryId: repo.id,
        checkId: "GH-BP-001",
        severity: "high",
        priority: 10,
        dueAt: new Date("2030-01-01T00:00:00Z"),
      },
    });
    orgs[login].tasks.push(task.id);
  }
}

/** A person with a real session; `org` null: in both member lists. */
async function member(
  login: keyof typeof cookies,
  githubId: number,
  org: "alpha" | "bravo" | null,
  role = "security_lead" as Actor["role"],
) {
  const user = await upsertGitHubUser(db.prisma, { id: githubId, login, name: login, email: null }, role);
  for (const o of org ? [org] : (["alpha", "bravo"] as const))
    await db.prisma.orgMember.create({ data: { organizationId: orgs[o].id, login } });
  cookies[login] = await createSession(db.prisma, user.id);
}

beforeAll(async () => {
  db = await createTestDatabase();
  setDb(db.prisma);
  // The environment next-auth's options and the evidence export are built from (lib/env.ts).
  Object.assign(process.env, {
    DATABASE_URL: db.url,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    GITHUB_CLIENT_ID: "isolation",
    GITHUB_CLIENT_SECRET: "isolation-secret",
    GATEHOUSE_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  });
  await seedOrg("alpha", 3);
  await seedOrg("bravo", 5);
  await member("alice", 9101, "alpha");
  await member("bruno", 9102, "bravo");
  await member("ada", 9103, null, "admin"); // an admin in both member lists
  await member("cleo", 9104, null, "auditor"); // an auditor in both: sees the whole instance
  alphaKey = (
    await createApiKey(systemActor("isolation"), {
      name: "alpha",
      role: "security_lead",
      organizations: ["alpha"],
    })
  ).key;
  alice = await session("alice");
  bruno = await session("bruno");
}, 60_000);
afterAll(async () => {
  const g = globalThis as unknown as { gatehouseBoss?: Promise<PgBoss> };
  await (await g.gatehouseBoss)?.stop({ graceful: false, close: true }).catch(() => {});
  await db?.drop();
});

/** The code of the AppError `work` fails with, or "ok". */
async function outcome(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
    return "ok";
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

const EMPTY_MODEL = { assets: [], boundaries: [], controls: [], threats: [] };

/** Every verb that takes an object of one organisation, as a call on (actor, object). */
const BY_REPO: Record<string, (actor: Actor, owner: string, name: string) => Promise<unknown>> = {
  getRepoScore: (a, owner, name) => getRepoScore(a, { owner, name }),
  getRepoHistory: (a, owner, name) => getRepoHistory(a, { owner, name }),
  getThreatModel: (a, owner, name) => getThreatModel(a, { owner, name }),
  listThreatModelRevisions: (a, owner, name) => listThreatModelRevisions(a, { owner, name }),
  saveThreatModel: (a, owner, name) => saveThreatModel(a, { owner, name, revision: 0, model: EMPTY_MODEL }),
};
const BY_TASK: Record<string, (actor: Actor, id: string) => Promise<unknown>> = {
  getTask: (a, id) => getTask(a, { id }),
  updateTask: (a, id) => updateTask(a, { id, status: "in_progress" }),
  openTaskIssue: (a, id) => openTaskIssue(a, { id }),
};
const BY_ORG: Record<string, (actor: Actor, org: { id: string; login: string }) => Promise<unknown>> = {
  listOrgChecks: (a, o) => listOrgChecks(a, { organizationId: o.id }),
  getOrgSnapshot: (a, o) => getOrgSnapshot(a, { organizationId: o.id }),
  getOrgTrend: (a, o) => getOrgTrend(a, { organizationId: o.id }),
  listRepos: (a, o) => listRepos(a, { organizationId: o.id }),
  listSyncRuns: (a, o) => listSyncRuns(a, { organizationId: o.id }),
  getSyncProgress: (a, o) => getSyncProgress(a, { organizationId: o.id }),
};

describe("object-level isolation (property: a user of one organisation never reads or writes another's)", () => {
  it("every repository-taking verb answers another organisation's repository as not found, and writes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(BY_REPO)),
        fc.constantFrom(...orgs.bravo.repos),
        fc.constantFrom("bravo", "BRAVO", "Bravo"),
        fc.constantFrom(...Object.keys(ALPHA)),
        async (verb, name, owner, who) => {
          const actor = await ALPHA[who]!();
          const before = await db.prisma.threatModelRevision.count();
          expect(await outcome(() => BY_REPO[verb]!(actor, owner, name))).toBe("not_found");
          expect(await db.prisma.threatModelRevision.count()).toBe(before);
        },
      ),
      { seed: 8, numRuns: 40 },
    );
    // The control: bravo's own lead reads the same repository.
    expect(await outcome(() => BY_REPO.getRepoScore!(bruno, "bravo", orgs.bravo.repos[0]!))).toBe("ok");
    expect(await outcome(() => BY_REPO.getThreatModel!(bruno, "bravo", orgs.bravo.repos[0]!))).toBe("ok");
  });

  it("every task-taking verb answers another organisation's task as not found, and the task is unchanged", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(BY_TASK)),
        fc.constantFrom(...orgs.bravo.tasks),
        fc.constantFrom(...Object.keys(ALPHA)),
        async (verb, id, who) => {
          expect(await outcome(async () => BY_TASK[verb]!(await ALPHA[who]!(), id))).toBe("not_found");
          const task = await db.prisma.remediationTask.findUniqueOrThrow({ where: { id } });
          expect([task.status, task.issueUrl]).toEqual(["open", null]);
        },
      ),
      { seed: 8, numRuns: 30 },
    );
    expect(await outcome(() => getTask(bruno, { id: orgs.bravo.tasks[0]! }))).toBe("ok");
  });

  it("every organisation-taking verb answers another organisation as not found", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(BY_ORG)),
        fc.constantFrom(...Object.keys(ALPHA)),
        async (verb, who) => {
          const actor = await ALPHA[who]!();
          expect(await outcome(() => BY_ORG[verb]!(actor, { id: orgs.bravo.id, login: "bravo" }))).toBe(
            "not_found",
          );
          expect(await outcome(() => BY_ORG[verb]!(actor, { id: orgs.alpha.id, login: "alpha" }))).toBe("ok");
        },
      ),
      { seed: 8, numRuns: 10 },
    );
  });

  it("no list shows another organisation's repositories, tasks or organisation", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          page: fc.integer({ min: 1, max: 3 }),
          pageSize: fc.integer({ min: 1, max: 10 }),
          repo: fc.option(fc.constantFrom(...orgs.bravo.repos.map((r) => `bravo/${r}`)), { nil: undefined }),
        }),
        fc.constantFrom(...Object.keys(ALPHA)),
        async (query, who) => {
          const tasks = await listTasks(await ALPHA[who]!(), query);
          expect(tasks.items.filter((t) => !orgs.alpha.tasks.includes(t.id))).toEqual([]);
          if (query.repo) expect(tasks.total).toBe(0);
        },
      ),
      { seed: 8, numRuns: 25 },
    );
    expect((await listOrganizations(alice)).map((o) => o.login)).toEqual(["alpha"]);
    // The control: bruno sees his own.
    expect((await listOrganizations(bruno)).map((o) => o.login)).toEqual(["bravo"]);
    expect((await listTasks(bruno, { pageSize: 50 })).total).toBe(orgs.bravo.tasks.length);
  });

  it("an exception for another organisation's repositories is refused and the policy is unchanged", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("bravo/svc-1", "bravo/*", "BRAVO/svc-*", "*/svc-1", "*/*", "br*/svc-0"),
        async (repo) => {
          const versions = await db.prisma.policyVersion.count();
          const got = await outcome(() =>
            addPolicyException(alice, {
              checkId: "GH-BP-001",
              repo,
              justification: "isolation probe",
              expiresAt: "2030-01-01",
            }),
          );
          expect(["not_found", "forbidden"]).toContain(got);
          expect(await db.prisma.policyVersion.count()).toBe(versions);
        },
      ),
      { seed: 8, numRuns: 12 },
    );
  });
});

describe("object-level isolation of syncs", () => {
  it("starting a sync of another organisation answers as not found and queues nothing", async () => {
    const runs = await db.prisma.syncRun.count();
    for (const who of Object.keys(ALPHA))
      expect(
        await outcome(async () =>
          startSync(await ALPHA[who]!(), { organizationId: orgs.bravo.id, kind: "full" }),
        ),
      ).toBe("not_found");
    expect(await db.prisma.syncRun.count()).toBe(runs);
  });
});

describe("object-level isolation of exception approval and revocation", () => {
  it("another organisation's exception answers as missing to approve and to revoke, and nothing is saved", async () => {
    const requested = await addPolicyException(bruno, {
      checkId: "signed-commits",
      repo: "bravo/svc-1",
      justification: "isolation probe: bravo's own exception",
      expiresAt: "2030-06-01",
      now: new Date("2030-01-01T00:00:00Z"),
    });
    const exceptionId = requested.exceptionId;
    const versions = await db.prisma.policyVersion.count();
    for (const verb of [approvePolicyException, revokePolicyException])
      await expect(verb(alice, { exceptionId })).rejects.toMatchObject({
        code: "not_found",
        message: `No exception "${exceptionId}" in the active policy.`,
      });
    expect(await db.prisma.policyVersion.count()).toBe(versions);
    // The control: bravo's own lead withdraws it.
    await expect(revokePolicyException(bruno, { exceptionId })).resolves.toMatchObject({ changed: true });
  });
});

describe("object-level isolation of evidence packs and the audit log (property: a user of one organisation never reads another's)", () => {
  it("resolves the scope once, when the request's actor is built, and verbs use the carried scope", async () => {
    expect(alice.organizations).toEqual([orgs.alpha.id]);
    expect((await ALPHA["alpha's API key"]!()).organizations).toEqual([orgs.alpha.id]);
    expect([...((await session("ada")).organizations ?? [])].sort()).toEqual(
      [orgs.alpha.id, orgs.bravo.id].sort(),
    );
    expect(systemActor("isolation").organizations).toBeUndefined(); // the system's jobs: everything
    // alice joins bravo mid-request: the actor already built keeps the scope it was built
    // with (no lookup per verb); her next request sees the change.
    await db.prisma.orgMember.create({ data: { organizationId: orgs.bravo.id, login: "alice" } });
    try {
      expect((await listOrganizations(alice)).map((o) => o.login)).toEqual(["alpha"]);
      expect((await listOrganizations(await session("alice"))).map((o) => o.login)).toEqual([
        "alpha",
        "bravo",
      ]);
    } finally {
      await db.prisma.orgMember.deleteMany({ where: { organizationId: orgs.bravo.id, login: "alice" } });
    }
  });

  it("an evidence pack covers its requester's organisations, and another organisation's pack answers as not found", async () => {
    // Entries about each organisation before the packs' as-of date, for their audit extracts.
    for (const o of ["alpha", "bravo"] as const)
      await appendAuditEntry(null, {
        action: "sync.started",
        targetType: "organization",
        targetId: orgs[o].id,
      });
    const alphaPack = await createEvidencePack(alice, { framework: "soc2" });
    const bravoPack = await createEvidencePack(bruno, { framework: "soc2" });
    await runEvidenceExport(alphaPack.id); // what the worker's job does
    await runEvidenceExport(bravoPack.id);
    // Packs made by instance-wide people: every organisation, and both named.
    const finished = { framework: "soc2", asOf: new Date(), scope: { kind: "all" }, status: "succeeded" };
    const wide = await db.prisma.evidencePack.create({ data: { ...finished, organizationIds: [] } });
    const both = await db.prisma.evidencePack.create({
      data: { ...finished, organizationIds: [orgs.alpha.id, orgs.bravo.id] },
    });
    const foreign = [bravoPack.id, wide.id, both.id];
    const VERBS = {
      getEvidencePack: (a: Actor, id: string) => getEvidencePack(a, { id }),
      downloadEvidencePack: (a: Actor, id: string) => downloadEvidencePack(a, { id }),
    };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...(Object.keys(VERBS) as (keyof typeof VERBS)[])),
        fc.constantFrom(...foreign),
        fc.constantFrom(...Object.keys(ALPHA)),
        async (verb, id, who) => {
          const actor = await ALPHA[who]!();
          const downloads = await db.prisma.auditLogEntry.count({ where: { action: "evidence.downloaded" } });
          expect(await outcome(() => VERBS[verb](actor, id))).toBe("not_found");
          expect(await db.prisma.auditLogEntry.count({ where: { action: "evidence.downloaded" } })).toBe(
            downloads,
          );
          expect((await listEvidencePacks(actor)).map((p) => p.id)).toEqual([alphaPack.id]);
        },
      ),
      { seed: 8, numRuns: 20 },
    );
    // The control: someone in every organisation's member list sees every pack.
    expect((await listEvidencePacks(await session("cleo"))).length).toBe(4);
    // The pack's data loader applied the scope: alpha's 3 repositories, bravo's 5.
    expect((await getEvidencePack(alice, { id: alphaPack.id })).repoCount).toBe(orgs.alpha.repos.length);
    expect((await getEvidencePack(bruno, { id: bravoPack.id })).repoCount).toBe(orgs.bravo.repos.length);
    expect((await getControlView(alice, {})).repoCount).toBe(orgs.alpha.repos.length);
    const zip = await openPack(alice, alphaPack.id);
    expect(zip.scores.map((s) => s.repository).sort()).toEqual(orgs.alpha.repos.map((r) => `alpha/${r}`));
    // Its audit extract holds alpha's entries only; the chain was verified over all of them.
    const extracted = zip.audit.entries.map((e) => e.targetId);
    expect(extracted).toContain(orgs.alpha.id);
    expect(extracted).not.toContain(orgs.bravo.id);
    expect(zip.audit.chainVerified).toBe(true);
  });

  it("the audit log and its export show a scoped person their organisations' entries and their own, and an admin everything", async () => {
    const repoIds = async (o: "alpha" | "bravo") =>
      (await db.prisma.repository.findMany({ where: { organizationId: orgs[o].id } })).map((r) => r.id);
    const targets = async (o: "alpha" | "bravo") => [
      { targetType: "organization", targetId: orgs[o].id },
      { targetType: "repository", targetId: (await repoIds(o))[0]! },
      { targetType: "repository", targetId: `${o.toUpperCase()}/svc-0` }, // threat models name it
      { targetType: "task", targetId: orgs[o].tasks[0]! },
    ];
    for (const t of await targets("alpha")) await appendAuditEntry(bruno, { action: "probe.alpha", ...t });
    for (const t of await targets("bravo")) await appendAuditEntry(bruno, { action: "probe.bravo", ...t });
    await appendAuditEntry(null, { action: "probe.instance", targetType: "user", targetId: alice.userId });
    await appendAuditEntry(alice, { action: "probe.own", targetType: "policy", targetId: "1" });

    const alphaTargets = new Set([
      orgs.alpha.id,
      ...(await repoIds("alpha")),
      ...orgs.alpha.repos.map((r) => `alpha/${r}`),
      ...orgs.alpha.tasks,
      ...(
        await db.prisma.evidencePack.findMany({ where: { organizationIds: { equals: [orgs.alpha.id] } } })
      ).map((p) => p.id),
    ]);
    const visibleTo = (actor: Actor, e: { actorId: string | null; targetId: string | null }) =>
      e.actorId === actor.userId ||
      alphaTargets.has((e.targetId ?? "").toLowerCase()) ||
      alphaTargets.has(e.targetId ?? "");

    await fc.assert(
      fc.asyncProperty(
        fc.record({
          actor: fc.constantFrom("", "alice", "bruno", "system"),
          action: fc.constantFrom("", "probe.", "probe.bravo", "evidence."),
          target: fc.constantFrom("", "organization", "repository", "task", "user", "bravo", orgs.bravo.id),
        }),
        fc.constantFrom(...Object.keys(ALPHA)),
        async (filters, who) => {
          const actor = await ALPHA[who]!();
          const shown = await listAuditEntries(actor, { ...filters, limit: 500 });
          expect(shown.filter((e) => !visibleTo(actor, e))).toEqual([]);
          const exported = await exportAuditEntries(actor, { ...filters, format: "json" });
          const rows = JSON.parse(await new Response(exported.stream).text()) as {
            actorId: string | null;
            targetId: string | null;
          }[];
          expect(rows.filter((e) => !visibleTo(actor, e))).toEqual([]);
        },
      ),
      { seed: 8, numRuns: 25 },
    );
    // What alice does see: every entry about alpha, and her own instance-level action.
    const mine = (await listAuditEntries(alice, { action: "probe.", limit: 500 })).map((e) => e.action);
    expect(mine.sort()).toEqual(["probe.alpha", "probe.alpha", "probe.alpha", "probe.alpha", "probe.own"]);
    // The controls: bruno sees bravo's (and his own, about alpha), an admin sees everything.
    expect((await listAuditEntries(bruno, { action: "probe.bravo", limit: 500 })).length).toBe(4);
    expect((await listAuditEntries(bruno, { action: "probe.own", limit: 500 })).length).toBe(0);
    for (const whole of ["ada", "cleo"] as const)
      expect((await listAuditEntries(await session(whole), { action: "probe.", limit: 500 })).length).toBe(
        10,
      );
  });
});

/** Downloads a pack as `actor` and reads its scores and audit extract. */
async function openPack(actor: Actor, id: string) {
  const dl = await downloadEvidencePack(actor, { id });
  const path = join(mkdtempSync(join(tmpdir(), "gatehouse-isolation-")), `${id}.zip`);
  writeFileSync(path, Buffer.from(await new Response(dl.stream).arrayBuffer()));
  const reader = await openZipPack(path);
  const read = async (name: string) => JSON.parse((await reader.read(name, 1 << 24)).toString());
  const scores = (await read("scores.json")) as { repository: string }[];
  const audit = (await read("audit-log.json")) as {
    chainVerified: boolean;
    entries: { targetId: string | null }[];
  };
  reader.close();
  return { scores, audit };
}
