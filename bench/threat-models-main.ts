// Threat-model generation for N repositories after a full sync, in its own process (run
// with --conditions=react-server, as the worker is, since it calls lib/server). The
// snapshots are synthetic but shaped like synced ones (bench/seed/scored-org.ts). Prints
// one JSON line: the first generation (every model created) and a regeneration (merge,
// nothing changed) in seconds.
import { setDb } from "../lib/db";
import { systemActor } from "../lib/server/authz/actor";
import { generateThreatModels } from "../lib/server/threat-models/generate-threat-models";
import { createBenchDatabase } from "../testing/sync/bench-db";
import { insertBenchOrg } from "./seed/scored-org";

// Generation appends an audit entry per page, signed with the audit key: the bench has its own.
process.env.GATEHOUSE_AUDIT_KEY ??= Buffer.alloc(32, 7).toString("base64");
const repos = Number(process.argv[2] ?? "10000");

// Wall clock and this process's CPU time (user + system): on a shared machine the wall
// clock is mostly queueing, CPU time much less so (Postgres's share is not in it).
async function timed<T>(run: () => Promise<T>): Promise<{ result: T; seconds: number; cpuSeconds: number }> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const result = await run();
  const { user, system } = process.cpuUsage(cpu);
  return { result, seconds: (performance.now() - t) / 1000, cpuSeconds: (user + system) / 1e6 };
}

const db = await createBenchDatabase();
try {
  setDb(db.prisma);
  const org = await insertBenchOrg(db.prisma, repos);
  await db.prisma.$executeRawUnsafe("ANALYZE");
  const actor = systemActor("bench");
  const first = await timed(() => generateThreatModels(actor, { organizationId: org.id }));
  const again = await timed(() => generateThreatModels(actor, { organizationId: org.id }));
  if (first.result.created !== repos || again.result.unchanged !== repos)
    throw new Error(`unexpected run: ${JSON.stringify({ first, again })}`);
  process.stdout.write(
    `BENCH-TM ${JSON.stringify({
      repos,
      generateSeconds: first.seconds,
      generateCpuSeconds: first.cpuSeconds,
      regenerateSeconds: again.seconds,
      regenerateCpuSeconds: again.cpuSeconds,
      peakRssMB: process.resourceUsage().maxRSS / 1024,
    })}\n`,
  );
} finally {
  await db.drop();
}
