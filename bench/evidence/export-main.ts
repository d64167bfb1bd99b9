// The SOC 2 evidence export for a scored 10,000-repository organisation. This process
// seeds the database; the export itself runs in a second process (export-child.ts) so
// its peak RSS is the export's alone, not the seeding's. argv: <repos>. Prints one
// "BENCH-EVIDENCE {json}" line.
import { setDb } from "../../lib/db";
import { createBenchDatabase } from "../../testing/sync/bench-db";
import { seedScoredOrg } from "../seed/scored-org";
import { spawnForResult } from "../spawn-json";

process.env.GATEHOUSE_AUDIT_KEY ??= Buffer.alloc(32, 7).toString("base64");
const repos = Number(process.argv[2] ?? "10000");
const db = await createBenchDatabase();
try {
  setDb(db.prisma);
  const seeded = performance.now();
  await seedScoredOrg(db.prisma, repos, new Date(Date.now() - 60_000));
  process.stderr.write(
    `evidence bench: seeded ${repos} repositories in ${Math.round((performance.now() - seeded) / 1000)} s\n`,
  );
  const result = await spawnForResult("bench/evidence/export-child.ts", [db.url], "BENCH-EXPORT", [
    // What the worker gets in production (package.json "worker"): the export must fit.
    "--max-old-space-size=256",
  ]);
  process.stdout.write(`BENCH-EVIDENCE ${JSON.stringify({ repos, ...(result as object) })}\n`);
} finally {
  await db.drop();
}
