// GET /api/v1/orgs/{org}/trend, GET /api/v1/tasks and PATCH /api/v1/tasks/{id} over real
// HTTP against a real Postgres, with a key per role: what each role may do (the PATCH
// is the tasks board's own verb, so auditors and admins are refused and audited),
// validation errors that name the field, cursor pagination that visits every task once,
// and object-level isolation (a key limited to one organisation sees nothing of another).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertGitHubUser, upsertOrganization } from "@/prisma/seed/factories";
import { createTestDatabase, type TestDatabase } from "@/testing/db";
import { startApiServer, type ApiServer } from "@/testing/api-server";
import { apiHandlers } from "./registry";
import { GET as openApiDocument } from "./openapi.json/route";
import { setDb } from "@/lib/db";
import type { Actor } from "@/lib/server/authz/actor";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import { addPolicyException } from "@/lib/server/policy/add-policy-exception";
import { approvePolicyException } from "@/lib/server/policy/approve-policy-exception";
import { stopSenderBoss, useSenderBoss } from "@/testing/sender-boss";

let db: TestDatabase;
let api: ApiServer;
const keys: Record<string, string> = {};
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);
type Task = { id: string; repo: string; status: string; severity: string; owner: string | null };

async function addOrg(login: string) {
  const org = await upsertOrganization(db.prisma, login, login);
  const repo = await db.prisma.repository.create({
    data: { organizationId: org.id, name: "api", fullName: `${login}/api` },
  });
  return { org, repo };
}

async function addTask(repositoryId: string, checkId: string, over: Record<string, unknown> = {}) {
  return db.prisma.remediationTask.create({
    data: {
      repositoryId,
      checkId,
      severity: "high",
      priority: 3,
      owners: ["@acme/platform"],
      dueAt: new Date(Date.now() + 30 * DAY),
      ...over,
    },
  });
}

async function snapshot(organizationId: string, takenAt: Date, overall: number) {
  await db.prisma.orgScoreSnapshot.create({
    data: {
      organizationId,
      takenAt,
      policyVersion: 1,
      overall,
      identity: overall,
      secrets: overall,
      supplyChain: overall - 10,
      integrity: overall,
      changeControl: overall,
      grade: "C",
      coverage: 0.9,
      repositories: 1,
      distribution: {},
      counts: {},
      checks: {},
      orgFindings: [],
    },
  });
}

let acme: Awaited<ReturnType<typeof addOrg>>;
let globex: Awaited<ReturnType<typeof addOrg>>;

beforeAll(async () => {
  db = await createTestDatabase();
  setDb(db.prisma);
  useSenderBoss(db.url); // exception requests queue their re-scoring
  const a = await upsertGitHubUser(db.prisma, { id: 31, login: "ada", name: "Ada", email: null }, "admin");
  const admin: Actor = { userId: a.id, login: "ada", role: "admin", ip: null, userAgent: "vitest" };
  acme = await addOrg("acme");
  globex = await addOrg("globex");
  for (const role of ["admin", "security_lead", "engineer", "auditor"] as const)
    keys[role] = (await createApiKey(admin, { name: `${role}-key`, role })).key;
  keys.acmeOnly = (
    await createApiKey(admin, { name: "acme-only", role: "engineer", organizations: ["ACME"] })
  ).key;
  api = await startApiServer(apiHandlers());
}, 120_000);
afterAll(async () => {
  await api?.close();
  await stopSenderBoss();
  await db?.drop();
});

describe("GET /api/v1/orgs/{org}/trend", () => {
  it("answers one point per scoring in the 7, 30 or 90 day window, oldest first", async () => {
    const { org } = await addOrg("trendco");
    await snapshot(org.id, ago(100), 40);
    await snapshot(org.id, ago(60), 50);
    await snapshot(org.id, ago(20), 60);
    await snapshot(org.id, ago(2), 70);
    const overall = async (query: string) => {
      const r = await api.request("GET", `/api/v1/orgs/trendco/trend${query}`, keys.auditor);
      expect([query, r.status]).toEqual([query, 200]);
      const points = r.body.data as Array<{ at: string; overall: number; supplyChain: number }>;
      expect(r.body.total).toBe(points.length);
      return points.map((p) => p.overall);
    };
    for (const role of ["admin", "security_lead", "engineer", "auditor"]) {
      const r = await api.request("GET", "/api/v1/orgs/trendco/trend?days=7", keys[role]);
      expect([role, r.status, r.body.total]).toEqual([role, 200, 1]);
    }
    expect(await overall("?days=7")).toEqual([70]);
    expect(await overall("")).toEqual([60, 70]);
    expect(await overall("?days=90")).toEqual([50, 60, 70]);
    const [point] = (await api.request("GET", "/api/v1/orgs/trendco/trend?days=7", keys.engineer)).body
      .data as Array<Record<string, unknown>>;
    expect(point).toEqual({
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      overall: 70,
      identity: 70,
      secrets: 70,
      supplyChain: 60,
      integrity: 70,
      changeControl: 70,
      grade: "C",
      coverage: 0.9,
    });
  });

  it("is empty before any history, 404 for an unknown organisation, 422 naming a bad days", async () => {
    const empty = await api.request("GET", "/api/v1/orgs/globex/trend?days=30", keys.auditor);
    expect(empty).toMatchObject({ status: 200, body: { data: [], total: 0 } });
    expect((await api.request("GET", "/api/v1/orgs/nope/trend", keys.auditor)).status).toBe(404);
    for (const query of ["?days=14", "?days=abc"]) {
      const r = await api.request("GET", `/api/v1/orgs/globex/trend${query}`, keys.auditor);
      expect(r.status).toBe(422);
      expect(r.body.error!.message).toContain("query.days");
    }
    const extra = await api.request("GET", "/api/v1/orgs/globex/trend?from=2026-01-01", keys.auditor);
    expect(extra.body.error).toEqual({ code: "invalid", message: expect.stringContaining("query") });
    expect((await api.request("GET", "/api/v1/orgs/globex/trend")).status).toBe(401);
  });
});

describe("GET /api/v1/tasks", () => {
  it("filters by repository, status, severity, owner and overdue, for every role", async () => {
    const { repo } = await addOrg("filterco");
    const late = await addTask(repo.id, "unpinned-action", { dueAt: ago(1), severity: "critical" });
    const busy = await addTask(repo.id, "force-push", { status: "in_progress", owners: ["@kim"] });
    const done = await addTask(repo.id, "org-2fa", { status: "fixed", closedAt: ago(1) });
    const ids = async (query: string, key = keys.auditor) => {
      const r = await api.request("GET", `/api/v1/tasks?repo=filterco/api${query}`, key);
      expect([query, r.status]).toEqual([query, 200]);
      return (r.body.data as Task[]).map((t) => t.id);
    };
    for (const role of ["admin", "security_lead", "engineer", "auditor"])
      expect((await ids("", keys[role])).sort()).toEqual([late.id, busy.id, done.id].sort());
    expect(await ids("&status=active")).toEqual(expect.arrayContaining([late.id, busy.id]));
    expect(await ids("&status=active")).toHaveLength(2);
    expect(await ids("&status=fixed")).toEqual([done.id]);
    expect(await ids("&severity=critical")).toEqual([late.id]);
    expect(await ids("&overdue=true")).toEqual([late.id]);
    expect(await ids("&owner=kim")).toEqual([busy.id]);
    const [one] = (await api.request("GET", "/api/v1/tasks?repo=filterco/api&status=fixed", keys.auditor))
      .body.data as Array<Record<string, unknown>>;
    expect(one).toMatchObject({
      id: done.id,
      repo: "filterco/api",
      check: "org-2fa",
      status: "fixed",
      closedAt: expect.stringMatching(/^\d{4}-/),
      closedBySyncRunId: null,
    });
  });

  it("pages with a cursor: every task once, in order, then nextCursor null", async () => {
    const { repo } = await addOrg("pagedco");
    const made = [];
    for (const [i, check] of ["a-1", "a-2", "a-3", "a-4", "a-5"].entries())
      made.push(await addTask(repo.id, check, { priority: 10 - i }));
    const seen: string[] = [];
    let cursor: string | null | undefined;
    let pages = 0;
    do {
      const r = await api.request(
        "GET",
        `/api/v1/tasks?repo=pagedco/api&pageSize=2${cursor ? `&cursor=${cursor}` : ""}`,
        keys.engineer,
      );
      expect(r.status).toBe(200);
      expect(r.body.total).toBe(5);
      seen.push(...(r.body.data as Task[]).map((t) => t.id));
      cursor = r.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(made.map((t) => t.id));
  });

  it("answers 422 naming the field for bad filters, unknown fields and a foreign cursor", async () => {
    for (const [query, field] of [
      ["status=closed", "query.status"],
      ["severity=urgent", "query.severity"],
      ["overdue=yes", "query.overdue"],
      ["pageSize=500", "query.pageSize"],
      ["assignee=kim", "query: Unrecognized key"],
      ["cursor=no-such-task", "cursor"],
    ] as const) {
      const r = await api.request("GET", `/api/v1/tasks?${query}`, keys.auditor);
      expect([query, r.status]).toEqual([query, 422]);
      expect([query, r.body.error]).toEqual([
        query,
        { code: "invalid", message: expect.stringContaining(field) },
      ]);
    }
  });
});

describe("PATCH /api/v1/tasks/{id}", () => {
  it("engineers and security leads move a task; the change is in its history and the audit log", async () => {
    const { repo } = await addOrg("patchco");
    const task = await addTask(repo.id, "unpinned-action");
    const r = await api.request("PATCH", `/api/v1/tasks/${task.id}`, keys.engineer, {
      status: "in_progress",
      note: "on it",
    });
    expect(r).toMatchObject({ status: 200, body: { data: { id: task.id, status: "in_progress" } } });
    const back = await api.request("PATCH", `/api/v1/tasks/${task.id}`, keys.security_lead, {
      status: "open",
    });
    expect(back.body.data).toMatchObject({ status: "open" });
    const events = await db.prisma.remediationTaskEvent.findMany({
      where: { taskId: task.id },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => [e.fromStatus, e.toStatus, e.note])).toEqual([
      ["open", "in_progress", "on it"],
      ["in_progress", "open", null],
    ]);
    const audit = await db.prisma.auditLogEntry.findMany({
      where: { action: "task.status_changed", targetId: task.id },
      orderBy: { seq: "asc" },
    });
    expect(audit.map((e) => e.actorLogin)).toEqual(["api-key:engineer-key", "api-key:security_lead-key"]);
  });

  it("assigns a task and sets its due date; unassigning clears it; each change is in the history", async () => {
    const { repo } = await addOrg("assignco");
    const task = await addTask(repo.id, "unpinned-action");
    const r = await api.request("PATCH", `/api/v1/tasks/${task.id}`, keys.engineer, {
      assignee: "kim",
      dueAt: "2027-01-15",
    });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({
      status: "open",
      assignee: "@kim",
      dueAt: "2027-01-15T00:00:00.000Z",
    });
    const team = await api.request("PATCH", `/api/v1/tasks/${task.id}`, keys.security_lead, {
      assignee: "@acme/platform",
    });
    expect(team.body.data).toMatchObject({ assignee: "@acme/platform", dueAt: "2027-01-15T00:00:00.000Z" });
    const cleared = await api.request("PATCH", `/api/v1/tasks/${task.id}`, keys.engineer, { assignee: null });
    expect(cleared.body.data).toMatchObject({ assignee: null });
    const events = await db.prisma.remediationTaskEvent.findMany({
      where: { taskId: task.id },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => [e.kind, e.note])).toEqual([
      ["assigned", "@kim"],
      ["due_changed", `${task.dueAt.toISOString().slice(0, 10)} → 2027-01-15`],
      ["assigned", "@acme/platform"],
      ["assigned", "unassigned"],
    ]);
    const audit = await db.prisma.auditLogEntry.findMany({
      where: { targetId: task.id },
      orderBy: { seq: "asc" },
      select: { action: true },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "task.assigned",
      "task.due_changed",
      "task.assigned",
      "task.assigned",
    ]);
  });

  it("refuses auditors and admins (403, audited) and leaves the task as it was", async () => {
    const { repo } = await addOrg("refuseco");
    const task = await addTask(repo.id, "unpinned-action");
    for (const role of ["auditor", "admin"]) {
      const r = await api.request("PATCH", `/api/v1/tasks/${task.id}`, keys[role], { status: "in_progress" });
      expect([role, r.status, r.body.error?.code]).toEqual([role, 403, "forbidden"]);
      const denied = await db.prisma.auditLogEntry.findFirstOrThrow({
        where: { action: "authz.denied", targetId: task.id, actorLogin: `api-key:${role}-key` },
      });
      expect(denied.details).toMatchObject({ permission: "task:edit" });
    }
    expect((await db.prisma.remediationTask.findUniqueOrThrow({ where: { id: task.id } })).status).toBe(
      "open",
    );
  });

  it("answers 422 naming the field, 404 for an unknown task and 409 for a fixed one", async () => {
    const { repo } = await addOrg("badco");
    const task = await addTask(repo.id, "unpinned-action");
    const fixed = await addTask(repo.id, "force-push", { status: "fixed" });
    for (const [body, field] of [
      [{ status: "fixed" }, "body.status"],
      [{ status: "in_progress", priority: 9 }, "body: Unrecognized key"],
      [{}, "give at least one of status, assignee, dueAt"],
      [{ assignee: "not a login!" }, "assignee: a GitHub login or org/team"],
      [{ dueAt: "tomorrow" }, "body.dueAt"],
      ["{not json", "body: not valid JSON"],
      [{ status: "open", note: "x".repeat(501) }, "body.note"],
    ] as const) {
      const r = await api.request("PATCH", `/api/v1/tasks/${task.id}`, keys.engineer, body);
      expect([body, r.status]).toEqual([body, 422]);
      expect(r.body.error!.message).toContain(field);
    }
    expect((await api.request("PATCH", "/api/v1/tasks/nope", keys.engineer, { status: "open" })).status).toBe(
      404,
    );
    const conflict = await api.request("PATCH", `/api/v1/tasks/${fixed.id}`, keys.engineer, {
      status: "open",
    });
    expect(conflict).toMatchObject({ status: 409, body: { error: { code: "conflict" } } });
    expect(
      (await api.request("PATCH", `/api/v1/tasks/${task.id}`, undefined, { status: "open" })).status,
    ).toBe(401);
  });
});

describe("accepted-risk tasks carry their exception", () => {
  const lead = async (id: number, login: string): Promise<Actor> => {
    const u = await upsertGitHubUser(db.prisma, { id, login, name: null, email: null }, "security_lead");
    return { userId: u.id, login, role: "security_lead", ip: null, userAgent: "vitest" };
  };
  const day = (d: Date) => d.toISOString().slice(0, 10);

  it("GET and PATCH answer the exception's id, justification, approver, expiry and state; the OpenAPI document describes it", async () => {
    const { repo } = await addOrg("riskco");
    const [sam, lena] = [await lead(41, "sam"), await lead(42, "lena")];
    const request = (checkId: string, expiresAt: Date, now?: Date) =>
      addPolicyException(sam, {
        checkId,
        repo: "riskco/api",
        justification: `accepted for ${checkId} until the migration`,
        expiresAt: day(expiresAt),
        ...(now ? { now } : {}),
      });
    // Approved and still running; pending; approved but past its expiry (requested back then).
    const approved = await request("force-push", ago(-30));
    await approvePolicyException(lena, { exceptionId: approved.exceptionId });
    const pending = await request("signed-commits", ago(-30));
    const lapsed = await request("unpinned-action", ago(10), ago(40));
    await approvePolicyException(lena, { exceptionId: lapsed.exceptionId, now: ago(40) });
    const task = (checkId: string, exceptionId: string) =>
      addTask(repo.id, checkId, { status: "accepted_risk", exceptionId });
    const tasks = {
      approved: await task("force-push", approved.exceptionId),
      pending: await task("signed-commits", pending.exceptionId),
      expired: await task("unpinned-action", lapsed.exceptionId),
    };
    const open = await addTask(repo.id, "org-2fa");

    const r = await api.request("GET", "/api/v1/tasks?repo=riskco/api", keys.auditor);
    expect(r.status).toBe(200);
    const byId = new Map((r.body.data as Array<{ id: string; exception: unknown }>).map((t) => [t.id, t]));
    expect(byId.get(tasks.approved.id)!.exception).toEqual({
      id: approved.exceptionId,
      repo: "riskco/api",
      fingerprint: null,
      justification: "accepted for force-push until the migration",
      requestedBy: "sam",
      approver: "lena",
      expiresAt: `${day(ago(-30))}T00:00:00.000Z`,
      state: "approved",
    });
    expect(byId.get(tasks.pending.id)!.exception).toMatchObject({
      id: pending.exceptionId,
      approver: null,
      state: "pending",
    });
    expect(byId.get(tasks.expired.id)!.exception).toMatchObject({
      id: lapsed.exceptionId,
      approver: "lena",
      expiresAt: `${day(ago(10))}T00:00:00.000Z`,
      state: "expired",
    });
    expect(byId.get(open.id)!.exception).toBeNull();

    // PATCH answers the same task shape (accepted risk itself is never changed by hand: 409).
    const moved = await api.request("PATCH", `/api/v1/tasks/${open.id}`, keys.engineer, {
      status: "in_progress",
    });
    expect(moved).toMatchObject({ status: 200, body: { data: { id: open.id, exception: null } } });
    const refused = await api.request("PATCH", `/api/v1/tasks/${tasks.approved.id}`, keys.engineer, {
      status: "open",
    });
    expect(refused.status).toBe(409);

    const doc = (await openApiDocument().json()) as {
      components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> };
    };
    const { Task, TaskException } = doc.components.schemas;
    expect(Task!.properties.exception).toBeDefined();
    expect(Task!.required).toContain("exception");
    expect(Object.keys(TaskException!.properties)).toEqual(
      expect.arrayContaining(["id", "justification", "approver", "expiresAt", "state"]),
    );
    expect(TaskException!.properties.state).toMatchObject({ enum: ["pending", "approved", "expired"] });
  });
});

describe("object-level isolation", () => {
  it("a key limited to one organisation sees nothing of another, as if it did not exist", async () => {
    const mine = await addTask(acme.repo.id, "iso-check");
    const theirs = await addTask(globex.repo.id, "iso-check");
    const orgs = await api.request("GET", "/api/v1/orgs", keys.acmeOnly);
    expect((orgs.body.data as Array<{ login: string }>).map((o) => o.login)).toEqual(["acme"]);
    const tasks = await api.request("GET", "/api/v1/tasks?pageSize=200", keys.acmeOnly);
    const repos = new Set((tasks.body.data as Task[]).map((t) => t.repo));
    expect([...repos]).toEqual(["acme/api"]);
    expect(tasks.body.total).toBe((tasks.body.data as Task[]).length);
    for (const path of [
      "/api/v1/orgs/globex/trend",
      "/api/v1/orgs/globex/checks",
      "/api/v1/orgs/globex/repos",
      "/api/v1/repos/globex/api",
    ]) {
      const r = await api.request("GET", path, keys.acmeOnly);
      expect([path, r.status, r.body.error?.code]).toEqual([path, 404, "not_found"]);
    }
    for (const path of ["/api/v1/orgs/acme/trend", "/api/v1/orgs/acme/checks", "/api/v1/orgs/acme/repos"])
      expect([path, (await api.request("GET", path, keys.acmeOnly)).status]).toEqual([path, 200]);
    const foreign = await api.request("PATCH", `/api/v1/tasks/${theirs.id}`, keys.acmeOnly, {
      status: "in_progress",
    });
    expect(foreign.status).toBe(404);
    expect((await db.prisma.remediationTask.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe(
      "open",
    );
    const own = await api.request("PATCH", `/api/v1/tasks/${mine.id}`, keys.acmeOnly, {
      status: "in_progress",
    });
    expect(own.status).toBe(200);
    // Admins see each key's scope (logins); an unscoped key lists none.
    const listed = (await api.request("GET", "/api/v1/api-keys", keys.admin)).body.data as Array<{
      name: string;
      organizations: string[];
    }>;
    expect(listed.find((k) => k.name === "acme-only")!.organizations).toEqual(["acme"]);
    expect(listed.find((k) => k.name === "engineer-key")!.organizations).toEqual([]);
    // An unscoped key still sees both organisations.
    const all = await api.request("GET", "/api/v1/tasks?pageSize=200", keys.engineer);
    expect((all.body.data as Task[]).map((t) => t.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
  });

  it("shows a scoped key only the evidence packs of its organisations, and refuses a key for an unsynced organisation", async () => {
    const admin = await db.prisma.user.findFirstOrThrow({ where: { githubLogin: "ada" } });
    const actor: Actor = { userId: admin.id, login: "ada", role: "admin", ip: null, userAgent: "vitest" };
    const { key } = await createApiKey(actor, {
      name: "acme-auditor",
      role: "auditor",
      organizations: ["acme"],
    });
    // Packs as the export leaves them: one for acme, one instance-wide, one for globex.
    const pack = (organizationIds: string[]) =>
      db.prisma.evidencePack.create({
        data: {
          framework: "soc2",
          asOf: new Date(),
          scope: { kind: "all" },
          status: "succeeded",
          organizationIds,
        },
      });
    const mine = await pack([acme.org.id]);
    for (const other of [await pack([]), await pack([globex.org.id])])
      expect((await api.request("GET", `/api/v1/evidence-packs/${other.id}`, key)).status).toBe(404);
    expect(await api.request("GET", `/api/v1/evidence-packs/${mine.id}`, key)).toMatchObject({
      status: 200,
      body: { data: { id: mine.id } },
    });
    await expect(
      createApiKey(actor, { name: "x", role: "auditor", organizations: ["initech"] }),
    ).rejects.toThrow(/organizations: no synced organisation "initech"/);
  });
});
