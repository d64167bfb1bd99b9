// The scale-out fleet with its web tier (issue 8): one Postgres, two sync workers
// (testing/proofs/worker-child.ts) sharing a sync of `repos` generated repositories, then two
// production Next servers (`next start`, as the demo runner starts them) on that same
// database. Prints one line `FLEET {json}` (ports, API keys, a repository and its stored
// score) once both servers are healthy, then serves until SIGTERM or until its stdin
// closes (the parent died), and cleans up: servers, workers, simulator, database.
// Run by e2e/two-web-processes-share-one-database.spec.ts; by hand:
//   npx tsx --conditions=react-server scripts/proofs/web-pair.ts [repos] [portA] [portB] [apiRateLimit]
// The servers need a build (`npx tsx scripts/demo/build-if-stale.ts`); this never builds.
import type { ChildProcess } from "node:child_process";
import { setDb } from "@/lib/db";
import { parseKey } from "@/lib/crypto/aead";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { startNext, waitForHealthy } from "@/scripts/demo/next-server";
import { CANARY_ENV } from "@/testing/canary";
import { createTestDatabase } from "@/testing/db";
import {
  kill,
  queueFullSync,
  rowCounts,
  startGeneratedSimulator,
  startWorker,
  untilSyncedAndScored,
  type Site,
  type Worker,
} from "@/testing/proofs/fleet";

const [repos = "200", portA = "3410", portB = "3411", apiRateLimit = "6"] = process.argv.slice(2);
// The server-side code run here (seed, API keys) appends audit entries with the same keys
// the servers get.
Object.assign(process.env, CANARY_ENV);

const sim = await startGeneratedSimulator(Number(repos));
const db = await createTestDatabase();
const key = parseKey(CANARY_ENV.GATEHOUSE_ENCRYPTION_KEY);
const seeded = await seedDemo(db.prisma, sim, key);
const site: Site = { db, organizationId: seeded.organizationId, key };
const workers: Worker[] = [];
const servers: ChildProcess[] = [];

let stopping = false;
async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    for (const s of servers) if (s.exitCode === null) s.kill("SIGTERM");
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) await kill(w);
    await sim.close();
    await db.drop();
  }
  process.exit(code);
}
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));
process.stdin.on("end", () => void stop(0));
process.stdin.resume();

try {
  // Two workers share the sync (`hold`: each takes a batch whatever the machine's speed).
  workers.push(await startWorker(site, "alpha", 600, "hold"));
  workers.push(await startWorker(site, "bravo", 600, "hold"));
  const runId = await queueFullSync(site);
  await untilSyncedAndScored(site, runId, Number(repos));

  setDb(db.prisma);
  const alice = await db.prisma.user.findUniqueOrThrow({ where: { githubLogin: "alice" } });
  const admin = {
    userId: alice.id,
    login: alice.githubLogin,
    role: "admin" as const,
    ip: null,
    userAgent: "web-pair",
  };
  const newKey = async (name: string) =>
    (await createApiKey(admin, { name, role: "auditor", expiresInMs: 24 * 3600 * 1000 })).key;
  // One key to read with, and fresh keys for the rate-limit budget (one per attempt).
  const readKey = await newKey("reader");
  const limitedKeys = [await newKey("limited-1"), await newKey("limited-2"), await newKey("limited-3")];

  const repo = await db.prisma.repository.findFirstOrThrow({
    orderBy: { name: "asc" },
    select: { fullName: true, score: { select: { overall: true, grade: true } } },
  });

  const urls = [portA, portB].map((p) => `http://127.0.0.1:${p}`);
  const oauthApp = sim.fixture.org.oauthApp!;
  for (const [i, port] of [portA, portB].entries())
    servers.push(
      startNext(Number(port), {
        ...CANARY_ENV,
        DATABASE_URL: db.url,
        DATABASE_POOL_MAX: "4",
        // Each process is its own public URL: the OAuth dance returns to the one it began on.
        NEXTAUTH_URL: urls[i]!,
        GITHUB_CLIENT_ID: oauthApp.clientId,
        GITHUB_CLIENT_SECRET: oauthApp.clientSecret,
        GITHUB_OAUTH_URL: sim.url,
        GITHUB_API_URL: sim.url,
        GATEHOUSE_ADMINS: "alice",
        GATEHOUSE_ALLOW_PRIVATE_NETWORK: "1",
        GATEHOUSE_API_RATE_LIMIT: apiRateLimit,
        GATEHOUSE_SIGN_IN_RATE_LIMIT: "100000",
        // The test's client stands in for a load balancer's clients: each rate-limit attempt
        // comes from its own X-Forwarded-For address, so only the key's budget is spent.
        GATEHOUSE_TRUSTED_PROXIES: "127.0.0.1",
        LOG_LEVEL: "warn",
      }),
    );
  await Promise.all(urls.map((u, i) => waitForHealthy(u, servers[i]!, 180_000)));
  const counts = await rowCounts(site);
  const batches = await db.prisma.syncBatch.findMany({ where: { runId }, select: { attempts: true } });
  process.stdout.write(
    `FLEET ${JSON.stringify({
      urls,
      readKey,
      limitedKeys,
      apiRateLimit: Number(apiRateLimit),
      repo: {
        fullName: repo.fullName,
        overall: repo.score?.overall ?? null,
        grade: repo.score?.grade ?? null,
      },
      counts,
      batchAttempts: batches.map((b) => b.attempts),
      committedBy: [
        ...new Set(
          workers.flatMap((w) => [...w.output().matchAll(/^COMMIT \S+ \d+ (\S+)$/gm)].map((m) => m[1])),
        ),
      ],
    })}\n`,
  );
} catch (error) {
  process.stderr.write(`web-pair failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  await stop(1);
}
