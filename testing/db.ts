// Integration tests get a database of their own: created from the server named by
// DATABASE_URL (default: the local Postgres), migrated with the project's migrator,
// dropped afterwards. Runs therefore never collide, even in parallel.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { applyMigrations } from "../lib/migrate/apply-migrations";
import { createPrismaClient, type PrismaClient } from "../lib/db";

const TEST_SERVER_URL = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export interface TestDatabase {
  url: string;
  name: string;
  prisma: PrismaClient;
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function createTestDatabase(opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `gatehouse_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: withDatabase(TEST_SERVER_URL, "postgres") });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(TEST_SERVER_URL, name);
  if (opts.migrate !== false) await applyMigrations(url);
  const prisma = createPrismaClient(url, 4);
  return {
    url,
    name,
    prisma,
    async drop() {
      await prisma.$disconnect();
      const c = new pg.Client({ connectionString: withDatabase(TEST_SERVER_URL, "postgres") });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
