// A normalised description of a database's public schema, for comparing two databases.
import pg from "pg";

export interface SchemaDescription {
  tables: string[];
  columns: string[];
  indexes: string[];
  constraints: string[];
  enums: string[];
}

const IGNORED_TABLES = new Set(["_prisma_migrations"]);

export async function describeSchema(connectionString: string): Promise<SchemaDescription> {
  const c = new pg.Client({ connectionString });
  await c.connect();
  try {
    const q = async (sql: string) =>
      (await c.query<{ v: string }>(sql)).rows
        .map((r) => r.v)
        .filter((v) => ![...IGNORED_TABLES].some((t) => v.startsWith(`${t}.`) || v === t));
    return {
      tables: await q(
        `SELECT table_name AS v FROM information_schema.tables WHERE table_schema='public' ORDER BY 1`,
      ),
      columns:
        await q(`SELECT table_name||'.'||column_name||' '||data_type||' '||coalesce(udt_name,'')||' null='||is_nullable||' default='||coalesce(column_default,'') AS v
        FROM information_schema.columns WHERE table_schema='public' ORDER BY 1`),
      indexes: await q(
        `SELECT tablename||'.'||indexname||' '||indexdef AS v FROM pg_indexes WHERE schemaname='public' ORDER BY 1`,
      ),
      constraints:
        await q(`SELECT conrelid::regclass::text||'.'||conname||' '||pg_get_constraintdef(oid) AS v FROM pg_constraint
        WHERE connamespace='public'::regnamespace ORDER BY 1`),
      enums: await q(
        `SELECT t.typname||'='||string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS v FROM pg_type t JOIN pg_enum e ON e.enumtypid=t.oid GROUP BY t.typname ORDER BY 1`,
      ),
    };
  } finally {
    await c.end();
  }
}
