// `gatehouse api-keys create` as a user runs it (bin/gatehouse.mjs in a child process,
// only DATABASE_URL set): the key is alone on the last line, works as a key, is stored
// hashed, and its creation is audited as the CLI's system actor without the key.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/testing/db";
import { setDb } from "@/lib/db";
import { resolveApiKey } from "@/lib/server/internal/resolve-api-key";
import { main } from "../main";

const run = promisify(execFile);
let db: TestDatabase;

function gatehouse(args: string[], env: Record<string, string>) {
  return run(process.execPath, ["bin/gatehouse.mjs", ...args], {
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "test",
      GATEHOUSE_AUDIT_KEY: process.env.GATEHOUSE_AUDIT_KEY ?? "",
      ...env,
    },
    encoding: "utf8",
  }).catch((err: { code: number; stdout: string; stderr: string }) => err);
}

beforeAll(async () => {
  db = await createTestDatabase();
  setDb(db.prisma);
});
afterAll(async () => db?.drop());

describe("gatehouse api-keys create", () => {
  it("prints a working key alone on the last line and stores only its hash", async () => {
    const out = await gatehouse(
      ["api-keys", "create", "--name", "ci", "--role", "auditor", "--expires-in", "30d"],
      {
        DATABASE_URL: db.url,
      },
    );
    expect("code" in out ? out.code : 0).toBe(0);
    const lines = out.stdout.trimEnd().split("\n");
    const key = lines.at(-1)!;
    expect(key).toMatch(/^ghk_[A-Za-z0-9_-]{43}$/);
    expect(lines.slice(0, -1).join("\n")).not.toContain(key);
    const row = await db.prisma.apiKey.findFirstOrThrow({ where: { name: "ci" } });
    expect(row).toMatchObject({ role: "auditor", hash: createHash("sha256").update(key).digest("hex") });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(30 * 86_400_000);
    expect(await resolveApiKey(`Bearer ${key}`, { ip: null, userAgent: null })).toMatchObject({
      role: "auditor",
    });
    const audit = await db.prisma.auditLogEntry.findFirstOrThrow({ where: { action: "api_key.created" } });
    expect(audit).toMatchObject({
      actorId: "system:cli",
      targetId: row.id,
      details: { name: "ci", role: "auditor" },
    });
    expect(JSON.stringify(audit.details)).not.toContain(key.slice(12));
  }, 90_000);

  it("refuses a bad role, expiry or organisation, and a missing DATABASE_URL, with usage errors; --org scopes a key", async () => {
    // In process (main() is what bin/gatehouse.mjs runs), to spare three more node start-ups.
    const cli = async (args: string[], databaseUrl: string | undefined) => {
      const saved = process.env.DATABASE_URL;
      if (databaseUrl === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = databaseUrl;
      let stderr = "";
      try {
        const code = await main(["api-keys", "create", ...args], {
          stdout: { write: () => true },
          stderr: { write: (s: string) => ((stderr += s), true), isTTY: false },
        });
        return { code, stderr };
      } finally {
        process.env.DATABASE_URL = saved;
        setDb(db.prisma); // the command points the data layer at its own client
      }
    };
    expect(await cli(["--name", "x", "--role", "root"], db.url)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("--role must be one of"),
    });
    expect(await cli(["--name", "x", "--role", "engineer", "--expires-in", "400d"], db.url)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("expiresInMs"),
    });
    expect(await cli(["--name", "x", "--role", "engineer"], undefined)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("DATABASE_URL is required"),
    });
    expect(
      await cli(["--name", "x", "--role", "engineer", "--org", "acme", "--org", "initech"], db.url),
    ).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('organizations: no synced organisation "acme"'),
    });
    expect(await db.prisma.apiKey.count({ where: { name: "x" } })).toBe(0);
    // --org limits the key to a synced organisation (object-level isolation in the API).
    const acme = await db.prisma.organization.create({ data: { login: "acme" } });
    expect(await cli(["--name", "scoped", "--role", "auditor", "--org", "ACME"], db.url)).toMatchObject({
      code: 0,
    });
    const scoped = await db.prisma.apiKey.findFirstOrThrow({ where: { name: "scoped" } });
    expect(scoped.organizationIds).toEqual([acme.id]);
  }, 90_000);
});
