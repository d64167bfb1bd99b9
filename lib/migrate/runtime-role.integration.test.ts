// Property: the runtime database role can only append to the audit log. Migrations run
// as the owner; the role the web app and worker use is refused every way of rewriting
// history (UPDATE, DELETE, TRUNCATE, ALTER TABLE … DISABLE TRIGGER, replica mode), while
// the normal append, the rest of the schema and the job queue keep working.
import { randomBytes } from "node:crypto";
import pg from "pg";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/db";
import { createPrismaClient, setDb, type PrismaClient } from "../db";
import { appendAuditEntry } from "../server/internal/append-audit-entry";
import { writeAuditCheckpoint } from "../server/internal/write-audit-checkpoint";
import { createSyncQueues } from "../sync/jobs/queues";
import { setupRuntimeRole } from "./runtime-role";

let db: TestDatabase;
let runtimeUrl: string;
let runtime: pg.Client;
let prisma: PrismaClient;
const role = `gatehouse_rt_${randomBytes(4).toString("hex")}`;
const password = randomBytes(18).toString("base64url");

beforeAll(async () => {
  db = await createTestDatabase();
  await setupRuntimeRole(db.url, { role, password });
  await setupRuntimeRole(db.url, { role, password }); // idempotent: a second run changes nothing
  const u = new URL(db.url);
  u.username = role;
  u.password = password;
  runtimeUrl = u.toString();
  runtime = new pg.Client({ connectionString: runtimeUrl });
  await runtime.connect();
  prisma = createPrismaClient(runtimeUrl, 2);
  setDb(prisma);
  await appendAuditEntry(null, { action: "test.seed" });
  await prisma.$transaction((tx) => writeAuditCheckpoint(tx));
});

afterAll(async () => {
  await runtime?.end();
  await prisma?.$disconnect();
  await db?.drop();
  const admin = new pg.Client({ connectionString: new URL("/postgres", db.url).toString() });
  await admin.connect();
  await admin.query(`DROP ROLE IF EXISTS "${role}"`);
  await admin.end();
});

const refused = (sql: string) =>
  expect(runtime.query(sql)).rejects.toThrow(/permission denied|must be owner/);

describe("the runtime database role (property: runtime role can only append to the audit log)", () => {
  it("is not a superuser and cannot create roles, databases or replicate", async () => {
    const { rows } = await runtime.query(
      "SELECT rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls FROM pg_roles WHERE rolname = current_user",
    );
    expect(rows[0]).toEqual({
      rolsuper: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolreplication: false,
      rolbypassrls: false,
    });
  });

  it("appends through the normal path, and reads the log", async () => {
    await appendAuditEntry(null, { action: "test.append" });
    const { rows } = await runtime.query(`SELECT action FROM "AuditLogEntry" ORDER BY seq`);
    expect(rows.map((r: { action: string }) => r.action)).toEqual(["test.seed", "test.append"]);
  });

  it("is refused UPDATE, DELETE and TRUNCATE by privilege (not only by the trigger)", async () => {
    await refused(`UPDATE "AuditLogEntry" SET action = 'forged'`);
    await refused(`DELETE FROM "AuditLogEntry"`);
    await refused(`TRUNCATE "AuditLogEntry"`);
    await refused(`UPDATE "AuditCheckpoint" SET hash = 'forged'`);
    await refused(`DELETE FROM "AuditCheckpoint"`);
    await refused(`TRUNCATE "AuditCheckpoint"`);
  });

  it("is refused ALTER TABLE … DISABLE TRIGGER and dropping the table", async () => {
    await refused(`ALTER TABLE "AuditLogEntry" DISABLE TRIGGER "AuditLogEntry_append_only"`);
    await refused(`ALTER TABLE "AuditLogEntry" DISABLE TRIGGER ALL`);
    await refused(`DROP TABLE "AuditLogEntry"`);
    await refused(`DROP TRIGGER "AuditLogEntry_append_only" ON "AuditLogEntry"`);
  });

  it("is refused SET session_replication_role (which would skip the triggers)", async () => {
    await refused(`SET session_replication_role = replica`);
  });

  it("is refused the migration bookkeeping and creating objects in the app schema", async () => {
    await refused(`SELECT * FROM "_prisma_migrations"`);
    await refused(`CREATE TABLE public.intruder (id int)`);
  });

  it("still reads and writes the rest of the schema", async () => {
    const org = await prisma.organization.create({ data: { login: `o-${role}`, name: "Org" } });
    await prisma.organization.update({ where: { id: org.id }, data: { name: "Renamed" } });
    await prisma.organization.delete({ where: { id: org.id } });
  });

  it("runs the job queue: pg-boss installs and creates its queues as the runtime role", async () => {
    const boss = new PgBoss({ connectionString: runtimeUrl, max: 2, supervise: false, schedule: false });
    boss.on("error", () => {});
    await boss.start();
    try {
      await createSyncQueues(boss);
      expect((await boss.getQueues()).length).toBeGreaterThan(0);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });

  it("refuses a runtime role equal to the owner", async () => {
    const owner = new URL(db.url).username || "postgres";
    await expect(setupRuntimeRole(db.url, { role: owner, password })).rejects.toThrow(/must differ/);
  });
});
