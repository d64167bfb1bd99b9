// The data layer against a real Postgres: authorisation happens inside each function,
// refusals and role changes are audited, the hash chain verifies and catches tampering.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { createTestDatabase, type TestDatabase } from "../../testing/db";
import { setDb } from "../db";
import { upsertGitHubUser } from "../../prisma/seed/factories";
import type { Actor } from "./authz/actor";
import { listUsers } from "./users/list-users";
import { changeUserRole } from "./users/change-user-role";
import { setUserDisabled } from "./users/set-user-disabled";
import { verifyAuditChain } from "./audit/verify-audit-chain";
import { listAuditEntries } from "./audit/list-audit-entries";
import { gatehouseAdapter } from "./internal/next-auth-adapter";
import { syncConfigAdmin } from "./internal/sync-config-admin";

let db: TestDatabase;
let admin: Actor;
let auditor: Actor;
let engineerId: string;

const actor = (userId: string, login: string, role: Actor["role"]): Actor => ({
  userId,
  login,
  role,
  ip: "203.0.113.9",
  userAgent: "vitest",
});

beforeAll(async () => {
  db = await createTestDatabase();
  setDb(db.prisma);
  const a = await upsertGitHubUser(
    db.prisma,
    { id: 1, login: "ada", name: "Ada", email: "ada@x.test" },
    "admin",
  );
  const i = await upsertGitHubUser(db.prisma, { id: 2, login: "ian", name: "Ian", email: null }, "auditor");
  const e = await upsertGitHubUser(db.prisma, { id: 3, login: "eve", name: "Eve", email: null }, "engineer");
  admin = actor(a.id, "ada", "admin");
  auditor = actor(i.id, "ian", "auditor");
  engineerId = e.id;
});

afterAll(async () => db?.drop());

describe("authorisation in the data layer", () => {
  it("refuses a signed-out caller", async () => {
    await expect(listUsers(null)).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("refuses an auditor user management and writes who, what and from where", async () => {
    await expect(listUsers(auditor)).rejects.toMatchObject({ code: "forbidden" });
    const [last] = await listAuditEntries(auditor, { limit: 1 });
    expect(last).toMatchObject({
      action: "authz.denied",
      actorLogin: "ian",
      ip: "203.0.113.9",
      userAgent: "vitest",
      details: { permission: "users:manage", role: "auditor" },
    });
  });

  it("lets an admin change a role, audited with before and after", async () => {
    await expect(changeUserRole(admin, { userId: engineerId, role: "security_lead" })).resolves.toEqual({
      changed: true,
    });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: engineerId } })).role).toBe(
      "security_lead",
    );
    const [last] = await listAuditEntries(admin, { limit: 1 });
    expect(last).toMatchObject({
      action: "user.role_changed",
      actorLogin: "ada",
      targetId: engineerId,
      details: { from: "engineer", to: "security_lead" },
    });
  });

  it("rejects invalid input and never demotes the last admin", async () => {
    await expect(changeUserRole(admin, { userId: engineerId, role: "root" })).rejects.toThrow();
    await expect(changeUserRole(admin, { userId: admin.userId, role: "auditor" })).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("disabling a user kills their sessions and the adapter refuses them", async () => {
    const adapter = gatehouseAdapter({ admins: [], defaultRole: "engineer" });
    await adapter.createSession!({
      sessionToken: "tok-eve",
      userId: engineerId,
      expires: new Date(Date.now() + 3_600_000),
    });
    expect(await adapter.getSessionAndUser!("tok-eve")).toMatchObject({ user: { role: "security_lead" } });
    await setUserDisabled(admin, { userId: engineerId, disabled: true });
    expect(await db.prisma.session.count({ where: { userId: engineerId } })).toBe(0);
    await db.prisma.session.create({
      data: { sessionToken: "tok-eve-2", userId: engineerId, expires: new Date(Date.now() + 3_600_000) },
    });
    expect(await adapter.getSessionAndUser!("tok-eve-2")).toBeNull();
  });

  it("deleting a session returns it, so next-auth's sign-out event can audit who left", async () => {
    const adapter = gatehouseAdapter({ admins: [], defaultRole: "engineer" });
    await adapter.createSession!({
      sessionToken: "tok-ada",
      userId: admin.userId,
      expires: new Date(Date.now() + 3_600_000),
    });
    expect(await adapter.deleteSession!("tok-ada")).toMatchObject({
      userId: admin.userId,
      sessionToken: "tok-ada",
    });
    expect(await adapter.deleteSession!("tok-ada")).toBeNull();
  });

  it("first sign-in gives configured admins the admin role and others the default", async () => {
    const adapter = gatehouseAdapter({ admins: ["root-user"], defaultRole: "auditor" });
    const boss = await adapter.createUser!({
      email: "",
      emailVerified: null,
      name: "Boss",
      githubLogin: "root-user",
    } as never);
    const pleb = await adapter.createUser!({
      email: "p@x.test",
      emailVerified: null,
      name: "P",
      githubLogin: "pleb",
    } as never);
    expect([(boss as { role: string }).role, (pleb as { role: string }).role]).toEqual(["admin", "auditor"]);
    await syncConfigAdmin(pleb.id, ["pleb"]);
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: pleb.id } })).role).toBe("admin");
  });
});

describe("audit chain", () => {
  it("verifies every entry written so far", async () => {
    const verdict = await verifyAuditChain(auditor);
    expect(verdict.ok).toBe(true);
    expect(verdict.checked).toBe(await db.prisma.auditLogEntry.count());
    expect(verdict.checked).toBeGreaterThanOrEqual(5);
  });

  it("serialises concurrent appends into one chain", async () => {
    await Promise.all(Array.from({ length: 20 }, () => listUsers(auditor).catch(() => undefined)));
    expect((await verifyAuditChain(auditor)).ok).toBe(true);
  });

  it("names the first tampered entry (tampering done below the append-only trigger)", async () => {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    const { rows } = await c.query<{ seq: string }>(
      `SELECT seq FROM "AuditLogEntry" ORDER BY seq LIMIT 1 OFFSET 2`,
    );
    await c.query(`ALTER TABLE "AuditLogEntry" DISABLE TRIGGER "AuditLogEntry_append_only"`);
    await c.query(`UPDATE "AuditLogEntry" SET "actorLogin" = 'mallory' WHERE seq = $1`, [rows[0]!.seq]);
    await c.end();
    expect(await verifyAuditChain(auditor)).toMatchObject({
      ok: false,
      brokenSeq: rows[0]!.seq,
      reason: "hash-mismatch",
      checked: 2,
    });
  });
});
