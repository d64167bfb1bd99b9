// The web bench (issues 9 and 11): the production build served by `next start` against a
// seeded 10,000-repository estate, loaded by autocannon from this process (the server is
// another) with 16 concurrent users, signed in with a real session cookie (pages) or a
// real API key (API). argv: <repos> <requests per scenario> [scenario,…] (default: all;
// naming some re-measures a page after a fix). Prints one "BENCH-WEB {json}" line:
// p50/p95 in milliseconds per scenario.
// GATEHOUSE_BENCH_KEEP_DB=<label> (opt-in, for iterating on a fix): the seeded database is
// kept after the run and reused by the next run with the same label and repository count
// (seeding 10,000 repositories takes minutes); unset, every run seeds a fresh one and drops it.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { setDb } from "../../lib/db";
import { ensureBuilt, startNext, waitForHealthy } from "../../scripts/demo/next-server";
import { createBenchDatabase } from "../../testing/sync/bench-db";
import { percentile } from "./percentile";
import { BENCH_LOGIN, seedWebEstate, type WebEstate } from "./seed-web";

const repos = Number(process.argv[2] ?? "10000");
const requests = Number(process.argv[3] ?? "400");
const only = process.argv[4]?.split(",");
const CONNECTIONS = 16;
const AUDIT_KEY = Buffer.alloc(32, 7).toString("base64");
process.env.GATEHOUSE_AUDIT_KEY ??= AUDIT_KEY;

interface Scenario {
  name: string;
  /** The n-th request's path: pages rotate over repositories so no one row stays hot. */
  path: (n: number) => string;
  headers: Record<string, string>;
  /** Text the response must contain, so a redirect to sign-in or an error page fails the bench. */
  expect: string;
}

function scenarios(e: WebEstate): Scenario[] {
  const cookie = { cookie: `next-auth.session-token=${e.sessionToken}` };
  // A prime stride walks all repositories in a scattered order.
  const repo = (n: number) => `repo-${(n * 7919) % e.repos}`;
  return [
    { name: "overview", path: () => "/", headers: cookie, expect: "Overview" },
    {
      name: "repoPage",
      path: (n) => `/repos/${e.org}/${repo(n)}`,
      headers: cookie,
      expect: `${e.org}/repo-`,
    },
    { name: "tasks", path: () => "/tasks", headers: cookie, expect: "Remediation tasks" },
    {
      name: "threatModel",
      path: (n) => `/repos/${e.org}/${repo(n)}/threat-model`,
      headers: cookie,
      expect: "Threat model",
    },
    {
      name: "apiRepos",
      path: () => `/api/v1/orgs/${e.org}/repos?failing=${encodeURIComponent(e.failingCheck)}`,
      headers: { authorization: `Bearer ${e.apiKey}` },
      expect: '"fullName"',
    },
  ];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** One scenario's load: `amount` requests over 16 connections; every response time recorded. */
async function load(base: string, s: Scenario, amount: number): Promise<number[]> {
  let n = 0;
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        amount,
        // A slow page is a figure to report, not a failure (autocannon's default is 10 s).
        timeout: 300,
        headers: s.headers,
        requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: s.path(n++) }) }],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on("response", (_client, status, _bytes, ms) => {
      if (status === 200) times.push(ms);
    });
  });
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0) throw new Error(`${s.name}: ${bad} of ${amount} requests failed (non-2xx, error or timeout)`);
  return times;
}

const label = process.env.GATEHOUSE_BENCH_KEEP_DB?.replace(/[^a-z0-9_]/gi, "").toLowerCase();
const keep = label ? `gatehouse_bench_keep_${label}_${repos}` : undefined;
// The estate's secrets (session cookie, API key) exist only at seeding: kept beside the database.
const estateFile = keep ? path.join(tmpdir(), `${keep}.json`) : undefined;

/** A kept database is reused only if its seeding finished (the estate file is written last). */
async function openDatabase() {
  const db = await createBenchDatabase(keep);
  if (!db.reused || (estateFile && existsSync(estateFile))) return db;
  await db.drop();
  return createBenchDatabase(keep);
}

async function estateOf(prisma: typeof db.prisma): Promise<WebEstate> {
  if (db.reused && estateFile) {
    process.stderr.write(`web bench: reusing ${keep} (${estateFile})\n`);
    await prisma.$executeRawUnsafe("ANALYZE");
    return JSON.parse(readFileSync(estateFile, "utf8")) as WebEstate;
  }
  const seeded = performance.now();
  const estate = await seedWebEstate(prisma, repos);
  process.stderr.write(`web bench: seeded in ${Math.round((performance.now() - seeded) / 1000)} s\n`);
  if (estateFile) writeFileSync(estateFile, JSON.stringify(estate));
  return estate;
}

const db = await openDatabase();
let server: ReturnType<typeof startNext> | undefined;
try {
  ensureBuilt();
  setDb(db.prisma);
  const estate = await estateOf(db.prisma);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  server = startNext(port, {
    DATABASE_URL: db.url,
    NEXTAUTH_URL: base,
    NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret",
    GITHUB_CLIENT_ID: "bench",
    GITHUB_CLIENT_SECRET: "bench",
    GATEHOUSE_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
    GATEHOUSE_AUDIT_KEY: AUDIT_KEY,
    GATEHOUSE_ADMINS: BENCH_LOGIN,
    // 16 users hammering one key: the per-key budget is for real integrations, not the bench.
    GATEHOUSE_API_RATE_LIMIT: "1000000",
    LOG_LEVEL: "warn",
  });
  await waitForHealthy(base, server, 120_000);
  const figures: Record<string, { p50: number; p95: number; n: number }> = {};
  for (const s of scenarios(estate).filter((x) => !only || only.includes(x.name))) {
    const res = await fetch(`${base}${s.path(0)}`, { headers: s.headers, redirect: "manual" });
    const body = await res.text();
    if (res.status !== 200 || !body.includes(s.expect))
      throw new Error(`${s.name}: ${s.path(0)} answered ${res.status} without "${s.expect}"`);
    await load(base, s, CONNECTIONS * 2); // warm-up: route modules loaded, pools filled
    const times = await load(base, s, requests);
    figures[s.name] = { p50: percentile(times, 50), p95: percentile(times, 95), n: times.length };
    process.stderr.write(`web bench: ${s.name} ${JSON.stringify(figures[s.name])}\n`);
  }
  process.stdout.write(`BENCH-WEB ${JSON.stringify({ repos, connections: CONNECTIONS, figures })}\n`);
} finally {
  server?.kill();
  if (keep) await db.prisma.$disconnect();
  else await db.drop();
}
