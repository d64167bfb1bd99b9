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
 * `keep`: a fixed database name that is reused if it exists (new migrations are applied),
 * so a bench can skip re-seeding while someone iterates; `reused` says whether it existed.
 * Without it every run gets a fresh database with a random name.
 */
export async function createBenchDatabase(keep?: string): Promise<{
  url: string;
  prisma: PrismaClient;
  reused: boolean;
  drop(): Promise<void>;
}> {
  const name = keep ?? `gatehouse_bench_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: withDb(SERVER, "postgres") });
  await admin.connect();
  const reused =
    keep !== undefined &&
    (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1;
  if (!reused) await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = withDb(SERVER, name);
  await applyMigrations(url);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 6 }) });
  return {
    url,
    prisma,
    reused,
    async drop() {
      await prisma.$disconnect();
      const c = new pg.Client({ connectionString: withDb(SERVER, "postgres") });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
