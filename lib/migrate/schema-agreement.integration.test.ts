// Proves that the migrations, applied by our own migrator, produce exactly the
// database the Prisma schema describes, and that every model and field can be
// written and read back through the generated client.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import pg from "pg";
import { createTestDatabase, type TestDatabase } from "../../testing/db";
import { Prisma } from "../generated/prisma/client";
import * as enums from "../generated/prisma/enums";
// @ts-expect-error plain ESM helper shared with scripts/db/diff.mjs, no types
import { diffSchemas, readSchemaDir } from "../../scripts/db/diff-lib.mjs";
import { describeSchema } from "./describe-schema";
import { roundTripAllModels } from "./round-trip";

const root = process.cwd();
let migrated: TestDatabase;
let pushed: TestDatabase;

beforeAll(async () => {
  migrated = await createTestDatabase();
  pushed = await createTestDatabase({ migrate: false });
  const sql: string = await diffSchemas(null, readSchemaDir(path.join(root, "prisma", "schema")));
  const c = new pg.Client({ connectionString: pushed.url });
  await c.connect();
  await c.query(sql);
  await c.end();
}, 120_000);

afterAll(async () => {
  await migrated?.drop();
  await pushed?.drop();
});

describe("migrations agree with prisma/schema", () => {
  it("the committed snapshot equals the schema (db:diff was run after the last schema change)", async () => {
    const sql: string = await diffSchemas(
      readSchemaDir(path.join(root, "prisma", "migrated-schema")),
      readSchemaDir(path.join(root, "prisma", "schema")),
    );
    expect(sql.trim()).toMatch(/^(-- This is an empty migration\.)?$/);
  });

  it("tables, columns, types, defaults, indexes, constraints and enums are identical", async () => {
    const [a, b] = await Promise.all([describeSchema(migrated.url), describeSchema(pushed.url)]);
    expect(a.tables.length).toBeGreaterThanOrEqual(Object.keys(Prisma.ModelName).length);
    expect(a).toEqual(b);
  });

  it("every model and scalar field round-trips through the client", async () => {
    const checked = await roundTripAllModels(
      migrated.prisma,
      enums as Record<string, Record<string, string>>,
    );
    expect(checked.sort()).toEqual(Object.values(Prisma.ModelName).sort());
  });

  it("the audit log refuses UPDATE and DELETE at the database", async () => {
    const c = new pg.Client({ connectionString: migrated.url });
    await c.connect();
    try {
      await c.query(`INSERT INTO "AuditLogEntry"(action, "prevHash", hash) VALUES ('probe', '0', 'h-probe')`);
      await expect(c.query(`UPDATE "AuditLogEntry" SET action = 'x'`)).rejects.toThrow(/append-only/);
      await expect(c.query(`DELETE FROM "AuditLogEntry"`)).rejects.toThrow(/append-only/);
      await expect(c.query(`TRUNCATE "AuditLogEntry"`)).rejects.toThrow(/append-only/);
    } finally {
      await c.end();
    }
  });
});
