// `npm run demo`: one command from a fresh clone to a working dashboard.
//   - Postgres: DATABASE_URL if set, else an embedded PGlite under .data/
//   - GitHub: the GitHub simulator serving fixtures/orgs/demo on loopback
//   - migrations applied, demo seeded, a first full sync + scoring from the simulator,
//     the sync worker running in this process, dashboard built (once) and served on PORT (3000)
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { applyMigrations } from "../lib/migrate/apply-migrations";
import { createPrismaClient } from "../lib/db";
import { parseKey } from "../lib/crypto/aead";
import { startSimulator } from "../simulator/index";
import { seedDemo } from "../prisma/seed/seed-demo";
import { openDemoDatabase } from "./demo/database";
import { runDemoSync } from "./demo/first-sync";
import { loadDemoSecrets } from "./demo/secrets";
import { writeDemoEnv } from "./demo/demo-env";
import { ensureBuilt, startNext, waitForHealthy } from "./demo/next-server";

const flags = z.object({
  port: z.coerce.number().int().min(1).max(65535),
  "data-dir": z.string().min(1),
  "fresh-database": z.boolean(),
  fixture: z.string().min(1),
  build: z.boolean(),
  "simulator-port": z.coerce.number().int().min(0).max(65535),
  "simulator-test-hooks": z.boolean(),
});

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.PORT ?? "3000" },
    "data-dir": { type: "string", default: process.env.GATEHOUSE_DATA_DIR ?? ".data" },
    "fresh-database": { type: "boolean", default: false },
    fixture: { type: "string", default: "fixtures/orgs/demo" },
    // --no-build: serve the existing build as is (the e2e runner builds once beforehand,
    // so two demo servers never rebuild under each other).
    build: { type: "boolean", default: true },
    // For e2e journeys: a known simulator port and its test-only push route.
    "simulator-port": { type: "string", default: "0" },
    "simulator-test-hooks": { type: "boolean", default: false },
  },
  allowNegative: true,
});
const opts = flags.parse(values);
const dataDir = path.resolve(opts["data-dir"]);

const db = await openDemoDatabase({ dataDir, fresh: opts["fresh-database"] });
const sim = await startSimulator({
  fixture: path.resolve(opts.fixture),
  port: opts["simulator-port"],
  testHooks: opts["simulator-test-hooks"],
});
const migrations = await applyMigrations(db.url);
const oauthApp = sim.fixture.org.oauthApp;
if (!oauthApp)
  throw new Error(`${opts.fixture}/org.yaml has no oauthApp: the demo signs users in through it`);
const secrets = loadDemoSecrets(dataDir);
const key = parseKey(secrets.encryptionKey);
// The first sync and the in-process worker run lib/server code in this process, which
// appends audit entries (keyed chain): give it the same keys the web app gets.
process.env.GATEHOUSE_AUDIT_KEY ??= secrets.auditKey;
process.env.GATEHOUSE_ENCRYPTION_KEY ??= secrets.encryptionKey;
const prisma = createPrismaClient(db.url, 3);
const seeded = await seedDemo(prisma, sim, key);
console.log(`Syncing ${seeded.organization} from the GitHub simulator…`);
const synced = await runDemoSync(prisma, db.url, key, seeded.organizationId);

const appUrl = `http://127.0.0.1:${opts.port}`;
const admins = seeded.users.filter((u) => u.role === "admin").map((u) => u.login);
if (opts.build) ensureBuilt();
const appEnv = {
  DATABASE_URL: db.url,
  DATABASE_POOL_MAX: String(db.poolMax),
  NEXTAUTH_URL: appUrl,
  NEXTAUTH_SECRET: secrets.nextAuthSecret,
  GATEHOUSE_ENCRYPTION_KEY: secrets.encryptionKey,
  GATEHOUSE_AUDIT_KEY: secrets.auditKey,
  GITHUB_WEBHOOK_SECRET: secrets.webhookSecret,
  GITHUB_CLIENT_ID: oauthApp.clientId,
  GITHUB_CLIENT_SECRET: oauthApp.clientSecret,
  GITHUB_OAUTH_URL: sim.url,
  GITHUB_API_URL: sim.url,
  GATEHOUSE_ADMINS: admins.join(","),
  GATEHOUSE_DEMO: "1",
  // The simulator listens on 127.0.0.1.
  GATEHOUSE_ALLOW_PRIVATE_NETWORK: "1",
};
const envFile = writeDemoEnv(dataDir, appEnv);
const child = startNext(opts.port, appEnv);

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  child.kill("SIGTERM");
  await synced.stop();
  await prisma.$disconnect();
  await sim.close();
  await db.stop();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
child.on("exit", (code) => void shutdown(code ?? 1));

await waitForHealthy(appUrl, child);
console.log(`
Gatehouse demo is running.
  Dashboard:  ${appUrl}
  Database:   ${db.kind === "embedded" ? `embedded PGlite in ${path.relative(process.cwd(), dataDir)}/pglite` : "DATABASE_URL"} (${migrations.applied.length} migrations applied)
  GitHub:     simulator at ${sim.url} serving org "${seeded.organization}"
  Synced:     ${synced.repositories} repositories synced and scored in ${synced.seconds}s; the sync worker runs in this process
  Environment: ${path.relative(process.cwd(), envFile)} (for commands: set -a; . ${path.relative(process.cwd(), envFile)}; set +a; npx gatehouse api-keys create --name ci --role auditor)
  Sign in:    click "Sign in with GitHub (simulator)" and pick a user:
${seeded.users.map((u) => `              ${u.login.padEnd(12)} ${u.role}`).join("\n")}
Press Ctrl+C to stop.
`);
