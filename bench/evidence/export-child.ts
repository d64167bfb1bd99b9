// One SOC 2 export through the job's own code (runEvidenceExport: load, sign, zip, store
// in chunk rows) against a seeded database. argv: <database url>. Prints one
// "BENCH-EXPORT {json}" line with the seconds, the zip's size and this process's peak RSS.
import { PrismaPg } from "@prisma/adapter-pg";
import { setDb } from "../../lib/db";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { runEvidenceExport } from "../../lib/server/internal/run-evidence-export";

process.env.GATEHOUSE_AUDIT_KEY ??= Buffer.alloc(32, 7).toString("base64");
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.argv[2]!, max: 4 }) });
try {
  setDb(prisma);
  const pack = await prisma.evidencePack.create({
    data: { framework: "soc2", asOf: new Date(), scope: { kind: "all" } },
  });
  const started = performance.now();
  const cpu = process.cpuUsage();
  await runEvidenceExport(pack.id, {
    encryptionKey: Buffer.alloc(32, 9),
    retentionHours: 1,
    instanceName: "bench",
    now: () => new Date(),
  });
  const seconds = (performance.now() - started) / 1000;
  // CPU seconds too: on a shared, loaded machine the wall clock mostly measures the queue.
  const { user, system } = process.cpuUsage(cpu);
  const done = await prisma.evidencePack.findUniqueOrThrow({ where: { id: pack.id } });
  if (done.status !== "succeeded") throw new Error(`export ${done.status}: ${done.errorMessage}`);
  process.stdout.write(
    `BENCH-EXPORT ${JSON.stringify({
      seconds,
      cpuSeconds: (user + system) / 1e6,
      sizeMB: Number(done.sizeBytes) / 1e6,
      exportedRepos: done.repoCount,
      peakRssMB: process.resourceUsage().maxRSS / 1024,
    })}\n`,
  );
} finally {
  await prisma.$disconnect();
}
