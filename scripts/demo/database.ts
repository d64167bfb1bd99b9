// The demo's database: DATABASE_URL when set (optionally a fresh database on that
// server, for tests), otherwise the embedded PGlite under the data folder.
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../../lib/embedded-db/start-embedded-postgres";

export interface DemoDatabase {
  url: string;
  kind: "external" | "embedded";
  poolMax: number;
  stop(): Promise<void>;
}

export async function openDemoDatabase(opts: { dataDir: string; fresh: boolean }): Promise<DemoDatabase> {
  const external = process.env.DATABASE_URL;
  if (!external) {
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(opts.dataDir, "pglite") });
    return { url: embedded.url, kind: "embedded", poolMax: 4, stop: embedded.stop };
  }
  if (!opts.fresh) return { url: external, kind: "external", poolMax: 10, stop: async () => {} };
  const name = `gatehouse_demo_${randomBytes(4).toString("hex")}`;
  const admin = new URL(external);
  admin.pathname = "/postgres";
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  await c.query(`CREATE DATABASE "${name}"`);
  await c.end();
  const url = new URL(external);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    kind: "external",
    poolMax: 10,
    async stop() {
      const d = new pg.Client({ connectionString: admin.toString() });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
      await d.end();
    },
  };
}
