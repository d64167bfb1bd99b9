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

const db = await createBenchDatabase();
try {
  setDb(db.prisma);
  const org = await insertBenchOrg(db.prisma, repos);
  await db.prisma.$executeRawUnsafe("ANALYZE");
  const actor = systemActor("bench");
  let t = performance.now();
  const first = await generateThreatModels(actor, { organizationId: org.id });
  const generateSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const again = await generateThreatModels(actor, { organizationId: org.id });
  const regenerateSeconds = (performance.now() - t) / 1000;
  if (first.created !== repos || again.unchanged !== repos)
    throw new Error(`unexpected run: ${JSON.stringify({ first, again })}`);
  process.stdout.write(
    `BENCH-TM ${JSON.stringify({ repos, generateSeconds, regenerateSeconds, peakRssMB: process.resourceUsage().maxRSS / 1024 })}\n`,
  );
} finally {
  await db.drop();
}
