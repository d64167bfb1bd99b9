import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { applyMigrations } from "@/lib/migrate/apply-migrations";

// A throwaway migrated database for the benchmark (testing/db is for vitest only:
// it pulls in the "server-only" client module).

const SERVER = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

function withDb(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * `keep` names a database to create if missing and never drop (`existed` says whether it was
 * there already), so a bench can reuse its slow seeding while someone iterates on a fix.
 */
export async function createBenchDatabase(keep?: string): Promise<{
  url: string;
  prisma: PrismaClient;
  existed: boolean;
  drop(): Promise<void>;
}> {
  const name = keep ?? `gatehouse_bench_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: withDb(SERVER, "postgres") });
  await admin.connect();
  const existed =
    keep !== undefined &&
    (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1;
  if (!existed) await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = withDb(SERVER, name);
  await applyMigrations(url);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 6 }) });
  return {
    url,
    prisma,
    existed,
    async drop() {
      await prisma.$disconnect();
      if (keep) return;
      const c = new pg.Client({ connectionString: withDb(SERVER, "postgres") });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
