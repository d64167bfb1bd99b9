// /api/v1 over real HTTP (its route handlers on a loopback port) against a real Postgres: bearer keys resolve to
// an Actor with the key's role (401 for none/unknown/expired/revoked, 403 audited like a
// page's refusal), inputs are validated (unknown fields 422, bad paths 404), lists carry
// `total`, and keys are stored hashed, never echoed, with lastUsedAt kept at most per minute.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertGitHubUser, upsertOrganization } from "@/prisma/seed/factories";
import { createTestDatabase, type TestDatabase } from "@/testing/db";
import { stopSenderBoss, useSenderBoss } from "@/testing/sender-boss";
import { makeBranchProtection, makeFacts, makeOrg } from "@/testing/facts";
import { setDb } from "@/lib/db";
import { systemActor, type Actor } from "@/lib/server/authz/actor";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/server/api-keys/revoke-api-key";
import { addPolicyException } from "@/lib/server/policy/add-policy-exception";
import { approvePolicyException } from "@/lib/server/policy/approve-policy-exception";
import { scoreOrganization } from "@/lib/server/scores/score-organization";
import { resolveApiKey } from "@/lib/server/internal/resolve-api-key";
import { startApiServer, type ApiServer } from "@/testing/api-server";
import { apiHandlers } from "./registry";

let db: TestDatabase;
let api: ApiServer;
let admin: Actor;
const keys: Record<string, string> = {};
const now = new Date("2026-03-01T00:00:00Z");

async function call(url: string, key?: string) {
  const { status, headers, body } = await api.request("GET", url, key);
  return {
    res: { headers },
    status,
    body: body as Record<string, unknown> & { data: never; total?: number },
  };
}

async function addRepo(orgId: string, name: string, facts: ReturnType<typeof makeFacts>) {
  const repo = await db.prisma.repository.create({
    data: { organizationId: orgId, name, fullName: `acme/${name}` },
  });
  await db.prisma.repoSnapshot.create({
    data: {
      repositoryId: repo.id,
      fingerprint: "fp",
      factsVersion: 1,
      facts: JSON.parse(JSON.stringify(facts)),
      syncedAt: now,
    },
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  setDb(db.prisma);
  useSenderBoss(db.url); // exception decisions queue their re-scoring
  const org = await upsertOrganization(db.prisma, "acme", "Acme");
  const a = await upsertGitHubUser(db.prisma, { id: 21, login: "ada", name: "Ada", email: null }, "admin");
  const l = await upsertGitHubUser(
    db.prisma,
    { id: 22, login: "lee", name: "Lee", email: null },
    "security_lead",
  );
  admin = { userId: a.id, login: "ada", role: "admin", ip: null, userAgent: "vitest" };
  const lead: Actor = { userId: l.id, login: "lee", role: "security_lead", ip: null, userAgent: "vitest" };
  await db.prisma.orgSnapshot.create({
    data: {
      organizationId: org.id,
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
  const forcePush = { settings: { branchProtection: makeBranchProtection({ allowForcePushes: true }) } };
  await addRepo(org.id, "api", makeFacts({ name: "api", ...forcePush }));
  await addRepo(org.id, "ops", makeFacts({ name: "ops", ...forcePush }));
  await addRepo(org.id, "web", makeFacts({ name: "web" }));
  // ops's force-push failure is an accepted risk: it must not count as failing.
  const { exceptionId } = await addPolicyException(lead, {
    checkId: "force-push",
    repo: "acme/ops",
    justification: "Migration tooling rewrites history until Q2",
    expiresAt: "2026-06-01",
    now,
  });
  // A second security lead approves it (the requester cannot).
  const m = await upsertGitHubUser(
    db.prisma,
    { id: 29, login: "mia", name: "Mia", email: null },
    "security_lead",
  );
  const secondLead: Actor = {
    userId: m.id,
    login: "mia",
    role: "security_lead",
    ip: null,
    userAgent: "vitest",
  };
  // Its re-scoring is queued; the scoring below (as after a sync) applies it.
  await approvePolicyException(secondLead, { exceptionId, now });
  await scoreOrganization(systemActor("sync"), { organizationId: org.id, now });
  for (const role of ["admin", "security_lead", "engineer", "auditor"] as const)
    keys[role] = (await createApiKey(admin, { name: `${role}-key`, role })).key;
  keys.expired = (
    await createApiKey(
      admin,
      { name: "old", role: "admin", expiresInMs: 60_000 },
      new Date(Date.now() - 3_600_000),
    )
  ).key;
  const revoked = await createApiKey(admin, { name: "gone", role: "admin" });
  await revokeApiKey(admin, { id: revoked.id });
  keys.revoked = revoked.key;
  api = await startApiServer(apiHandlers());
}, 120_000);
afterAll(async () => {
  await api?.close();
  await stopSenderBoss();
  await db?.drop();
});

describe("authentication", () => {
  it("answers 401 without a key, or with a malformed, unknown, expired or revoked one", async () => {
    const unknown = `ghk_${"A".repeat(43)}`;
    for (const key of [undefined, "", "not-a-key", unknown, keys.expired, keys.revoked]) {
      const { res, status, body } = await call("/api/v1/orgs", key);
      expect([key, status]).toEqual([key, 401]);
      expect(body).toEqual({ error: { code: "unauthenticated", message: expect.any(String) } });
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
  });

  it("answers 403 for a role without the permission, audited against the key", async () => {
    const { status, body } = await call("/api/v1/api-keys", keys.auditor);
    expect(status).toBe(403);
    expect(body).toMatchObject({ error: { code: "forbidden" } });
    const denied = await db.prisma.auditLogEntry.findFirstOrThrow({
      where: { action: "authz.denied" },
      orderBy: { seq: "desc" },
    });
    expect(denied).toMatchObject({
      actorLogin: "api-key:auditor-key",
      userAgent: "vitest",
      details: { permission: "apikeys:manage" },
    });
    expect(denied.actorId).toMatch(/^api-key:/);
  });

  it("records lastUsedAt on use, at most once a minute", async () => {
    const { id, key, createdAt } = await createApiKey(admin, { name: "clock", role: "engineer" });
    const lastUsed = async () => (await db.prisma.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    expect(await lastUsed()).toBeNull();
    const t0 = new Date(createdAt.getTime() + 3_600_000);
    const meta = { ip: null, userAgent: null };
    expect(await resolveApiKey(`Bearer ${key}`, meta, t0)).toMatchObject({
      role: "engineer",
      userId: `api-key:${id}`,
    });
    expect(await lastUsed()).toEqual(t0);
    await resolveApiKey(`Bearer ${key}`, meta, new Date(t0.getTime() + 30_000));
    expect(await lastUsed()).toEqual(t0);
    const t1 = new Date(t0.getTime() + 61_000);
    await resolveApiKey(`Bearer ${key}`, meta, t1);
    expect(await lastUsed()).toEqual(t1);
    expect((await call("/api/v1/orgs", key)).status).toBe(200);
  });
});

describe("keys at rest", () => {
  it("stores only the SHA-256 and never answers with the key or its hash", async () => {
    const { id, key } = await createApiKey(admin, { name: "rest", role: "auditor" });
    const row = await db.prisma.apiKey.findUniqueOrThrow({ where: { id } });
    expect(row.hash).toBe(createHash("sha256").update(key).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(key.slice(12));
    const { status, body } = await call("/api/v1/api-keys", keys.admin);
    expect(status).toBe(200);
    const text = JSON.stringify(body);
    for (const k of Object.values(keys)) expect(text).not.toContain(k.slice(12));
    expect(text).not.toContain(row.hash);
    expect(body.data).toContainEqual(
      expect.objectContaining({ id, name: "rest", prefix: key.slice(0, 12), role: "auditor" }),
    );
    const audit = JSON.stringify(
      await db.prisma.auditLogEntry.findMany({
        where: { action: { startsWith: "api_key." } },
        select: { details: true },
      }),
    );
    expect(audit).not.toContain(key.slice(12));
  });
});

describe("routes", () => {
  it("GET /api/v1/orgs lists organisations with their score", async () => {
    const { res, status, body } = await call("/api/v1/orgs", keys.auditor);
    expect(status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(body.total).toBe(1);
    const [acme] = body.data as Array<{ login: string; score: Record<string, unknown> }>;
    expect(acme!.login).toBe("acme");
    expect(Object.keys(acme!.score).sort()).toEqual(
      [
        "changeControl",
        "coverage",
        "grade",
        "identity",
        "integrity",
        "overall",
        "secrets",
        "supplyChain",
      ].sort(),
    );
    expect(acme!.score.overall).toEqual(expect.any(Number));
  });

  it("GET /api/v1/orgs/{org}/repos filters by failing check (suppressions honoured), grade, name; sorts and pages", async () => {
    const names = async (query: string) => {
      const r = await call(`/api/v1/orgs/acme/repos${query}`, keys.engineer);
      expect([query, r.status]).toEqual([query, 200]);
      return {
        names: (r.body.data as Array<{ fullName: string }>).map((x) => x.fullName),
        total: r.body.total,
      };
    };
    expect(await names("")).toMatchObject({ total: 3 });
    expect(await names("?failing=force-push")).toEqual({ names: ["acme/api"], total: 1 });
    expect(await names("?sort=-name")).toMatchObject({ names: ["acme/web", "acme/ops", "acme/api"] });
    expect(await names("?q=OP")).toEqual({ names: ["acme/ops"], total: 1 });
    expect(await names("?sort=name&pageSize=2&page=2")).toEqual({ names: ["acme/web"], total: 3 });
    const first = (await call("/api/v1/orgs/acme/repos?sort=overall", keys.engineer)).body.data as Array<{
      fullName: string;
      grade: string;
      overall: number;
    }>;
    expect(first[0]!.overall).toBeLessThanOrEqual(first[2]!.overall);
    const grade = first[2]!.grade;
    expect((await names(`?grade=${grade}`)).names).toContain(first[2]!.fullName);
  });

  it("GET /api/v1/orgs/{org}/checks counts failing repositories per check", async () => {
    const { status, body } = await call("/api/v1/orgs/acme/checks", keys.auditor);
    expect(status).toBe(200);
    const rows = body.data as Array<{ check: string; failing: number; total: number }>;
    expect(body.total).toBe(rows.length);
    expect(rows.find((r) => r.check === "force-push")).toMatchObject({ failing: 1, total: 3 });
    expect(rows[0]!.failing).toBeGreaterThanOrEqual(rows.at(-1)!.failing);
  });

  it("GET /api/v1/repos/{owner}/{name} answers score and findings", async () => {
    const { status, body } = await call("/api/v1/repos/acme/api", keys.auditor);
    expect(status).toBe(200);
    const data = body.data as {
      fullName: string;
      score: { grade: string };
      findings: Array<Record<string, unknown>>;
    };
    expect(data.fullName).toBe("acme/api");
    expect(data.score.grade).toMatch(/^[A-F]$/);
    expect(data.findings).toContainEqual(
      expect.objectContaining({
        check: "force-push",
        status: "fail",
        severity: expect.any(String),
        remediation: expect.stringContaining("force push"),
        // The finding's lifetime began at the scoring that first saw it.
        firstSeenAt: now.toISOString(),
      }),
    );
    const ops = await call("/api/v1/repos/acme/ops", keys.auditor);
    expect((ops.body.data as typeof data).findings).toContainEqual(
      expect.objectContaining({ check: "force-push", status: "suppressed" }),
    );
  });

  it("answers 404 for unknown or malformed resources", async () => {
    expect((await call("/api/v1/repos/acme/nope", keys.auditor)).body).toMatchObject({
      error: { code: "not_found" },
    });
    expect((await call("/api/v1/orgs/nope/repos", keys.auditor)).status).toBe(404);
    expect((await call("/api/v1/orgs/nope/checks", keys.auditor)).status).toBe(404);
    expect((await call("/api/v1/repos/acme/a%20b", keys.auditor)).status).toBe(404);
  });

  it("answers 422 for unknown or invalid query fields, naming the field", async () => {
    for (const [url, field] of [
      ["/api/v1/orgs?verbose=1", "query: Unrecognized key"],
      ["/api/v1/orgs/acme/repos?assignee=x", "query: Unrecognized key"],
      ["/api/v1/orgs/acme/repos?grade=Z", "query.grade"],
      ["/api/v1/orgs/acme/repos?page=0", "query.page"],
      ["/api/v1/orgs/acme/repos?failing=no-such-check", "query.failing: no such check"],
      ["/api/v1/orgs/acme/repos?critical=maybe", "query.critical"],
      ["/api/v1/orgs/acme/checks?sort=nope", "query.sort"],
      ["/api/v1/repos/acme/api?x=1", "query: Unrecognized key"],
    ] as const) {
      const { status, body } = await call(url, keys.auditor);
      expect([url, status]).toEqual([url, 422]);
      expect([url, (body as unknown as { error: { code: string; message: string } }).error]).toEqual([
        url,
        { code: "invalid", message: expect.stringContaining(field) },
      ]);
    }
  });
});
