// The web bench (issues 9 and 11): the production build served by `next start` against a
// seeded 10,000-repository estate, loaded by autocannon from this process (the server is
// another) with 16 concurrent users, signed in with a real session cookie (pages) or a
// real API key (API). argv: <repos> <requests per scenario> [scenario,…] (default: all;
// naming some re-measures a page after a fix). Prints one "BENCH-WEB {json}" line:
// p50/p95 in milliseconds per scenario. GATEHOUSE_BENCH_KEEP_DB=<name> (opt-in, for
// iterating on a fix) seeds into that database once and reuses it on later runs, unless
// its repository count differs; the default is a throwaway database.
import { createServer } from "node:net";
import autocannon from "autocannon";
import { setDb } from "../../lib/db";
import { ensureBuilt, startNext, waitForHealthy } from "../../scripts/demo/next-server";
import { createBenchDatabase } from "../../testing/sync/bench-db";
import { percentile } from "./percentile";
import { BENCH_LOGIN, seedWebEstate, signInBench, type WebEstate } from "./seed-web";

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

const db = await createBenchDatabase(process.env.GATEHOUSE_BENCH_KEEP_DB || undefined);
let server: ReturnType<typeof startNext> | undefined;
try {
  ensureBuilt();
  setDb(db.prisma);
  const seeded = performance.now();
  // A session row is written last: its presence means the seeding finished.
  const reuse =
    db.existed && (await db.prisma.repository.count()) === repos && (await db.prisma.session.count()) > 0;
  if (db.existed && !reuse) throw new Error(`${db.url} holds another estate: drop it or pick another name`);
  const estate = reuse ? await signInBench(db.prisma, repos) : await seedWebEstate(db.prisma, repos);
  process.stderr.write(`web bench: seeded in ${Math.round((performance.now() - seeded) / 1000)} s\n`);
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
    // Warm-up: route modules loaded, pools filled, the JIT warm, in every web process
    // (the launcher runs one per core, each warming on its own).
    await load(base, s, CONNECTIONS * 4);
    const times = await load(base, s, requests);
    figures[s.name] = { p50: percentile(times, 50), p95: percentile(times, 95), n: times.length };
    process.stderr.write(`web bench: ${s.name} ${JSON.stringify(figures[s.name])}\n`);
  }
  process.stdout.write(`BENCH-WEB ${JSON.stringify({ repos, connections: CONNECTIONS, figures })}\n`);
} finally {
  server?.kill();
  await db.drop();
}
