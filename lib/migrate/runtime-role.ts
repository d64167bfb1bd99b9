// The runtime database role. Migrations run as the database owner; the web app and the
// worker connect as this role, which may read and write the application's tables but
// can only SELECT and INSERT on the audit log: no UPDATE, DELETE, TRUNCATE, no ALTER
// (it owns no application table), and no superuser, so neither
// `SET session_replication_role = replica` nor `ALTER TABLE … DISABLE TRIGGER` is open
// to it. Idempotent: `scripts/db/migrate.ts` runs it after every migration, so tables
// added by later migrations are granted too.
import pg from "pg";
import PgBoss from "pg-boss";
import { z } from "zod";

/** Tables the runtime role may only append to (and read). */
const APPEND_ONLY_TABLES = ["AuditLogEntry", "AuditCheckpoint"] as const;

/** The job queue's schema: owned by the runtime role because pg-boss creates tables at run time. */
const QUEUE_SCHEMA = "pgboss";

export const runtimeRoleSchema = z.object({
  role: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, "must be a lower-case Postgres identifier (letters, digits, _)"),
  password: z.string().min(12, "must be at least 12 characters"),
});

export type RuntimeRoleConfig = z.infer<typeof runtimeRoleSchema>;

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Creates or updates the role and (re)grants its privileges. Run as the database owner. */
export async function setupRuntimeRole(ownerUrl: string, raw: RuntimeRoleConfig): Promise<void> {
  const { role, password } = runtimeRoleSchema.parse(raw);
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ me: string }>("SELECT current_user AS me");
    if (rows[0]?.me === role) throw new Error(`the runtime role must differ from the owner (${role})`);
    const r = ident(role);
    const pw = client.escapeLiteral(password);
    const attrs = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS";
    await installQueueSchema(client);
    await client.query("BEGIN");
    const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    await client.query(
      exists.rowCount
        ? `ALTER ROLE ${r} ${attrs} PASSWORD ${pw}`
        : `CREATE ROLE ${r} ${attrs} PASSWORD ${pw}`,
    );
    // Ownership transfers below need membership of the new owner (superusers have it).
    await client.query(`GRANT ${r} TO CURRENT_USER`);
    const db = await client.query<{ db: string }>("SELECT current_database() AS db");
    await client.query(`GRANT CONNECT ON DATABASE ${ident(db.rows[0]!.db)} TO ${r}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${r}`);
    await client.query(`REVOKE CREATE ON SCHEMA public FROM ${r}`);
    await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${r}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
    await client.query(`REVOKE ALL ON TABLE "_prisma_migrations" FROM ${r}`);
    for (const table of APPEND_ONLY_TABLES) {
      const present = await client.query("SELECT to_regclass($1) AS t", [`public.${ident(table)}`]);
      if (!present.rows[0]?.t) continue;
      await client.query(`REVOKE ALL ON TABLE ${ident(table)} FROM ${r}`);
      await client.query(`GRANT SELECT, INSERT ON TABLE ${ident(table)} TO ${r}`);
    }
    await grantQueueSchema(client, r);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

// pg-boss would install itself on first start, but that needs CREATE on the database,
// which the runtime role does not get; so the owner installs it (pg-boss's own plans,
// which commit themselves, hence outside our transaction) and hands it over below.
async function installQueueSchema(client: pg.Client): Promise<void> {
  const installed = await client.query("SELECT to_regclass($1) AS t", [`${QUEUE_SCHEMA}.version`]);
  if (!installed.rows[0]?.t) await client.query(PgBoss.getConstructionPlans(QUEUE_SCHEMA));
}

// pg-boss creates a partition table per queue and migrates its own schema on upgrades,
// so the runtime role owns the queue schema and everything in it.
async function grantQueueSchema(client: pg.Client, r: string): Promise<void> {
  const s = ident(QUEUE_SCHEMA);
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
  await client.query(`ALTER SCHEMA ${s} OWNER TO ${r}`);
  const owned = await client.query<{ kind: string; name: string }>(
    `SELECT CASE c.relkind WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS kind, c.relname AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'S')
        AND (c.relkind <> 'S' OR NOT EXISTS (
          SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))`,
    [QUEUE_SCHEMA],
  );
  for (const o of owned.rows) await client.query(`ALTER ${o.kind} ${s}.${ident(o.name)} OWNER TO ${r}`);
  const fns = await client.query<{ sig: string }>(
    `SELECT p.oid::regprocedure::text AS sig FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = $1`,
    [QUEUE_SCHEMA],
  );
  for (const f of fns.rows) await client.query(`ALTER FUNCTION ${f.sig} OWNER TO ${r}`);
  const types = await client.query<{ name: string }>(
    `SELECT t.typname AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = $1 AND t.typtype = 'e'`,
    [QUEUE_SCHEMA],
  );
  for (const t of types.rows) await client.query(`ALTER TYPE ${s}.${ident(t.name)} OWNER TO ${r}`);
}
