// The sync worker process: `npm run worker`. Reads DATABASE_URL and
// GATEHOUSE_ENCRYPTION_KEY, serves the sync queues, scores organisations after each
// successful run, and installs the periodic schedules. Run it with
// --max-old-space-size=256 (the npm script does): sync's live set is small, and the cap
// keeps V8 from growing the heap under the churn of large batches.
import { PrismaPg } from "@prisma/adapter-pg";
import PgBoss from "pg-boss";
import { z } from "zod";
import { parseKey } from "@/lib/crypto/aead";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { setDb } from "@/lib/db";
import { systemActor } from "@/lib/server/authz/actor";
import { scoreOrganization } from "@/lib/server/scores/score-organization";
import { generateThreatModels } from "@/lib/server/threat-models/generate-threat-models";
import { installSyncSchedules } from "./schedule";
import { startSyncWorker } from "./worker";

const env = z
  .object({
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL"),
    GATEHOUSE_ENCRYPTION_KEY: z.string(),
    SYNC_SCHEDULES: z.enum(["on", "off"]).default("on"),
  })
  .parse(process.env);

const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: env.DATABASE_URL, max: 6 }) });
// lib/server functions (scoring) use the same client.
setDb(db);
const boss = new PgBoss({ connectionString: env.DATABASE_URL, max: 4 });
boss.on("error", (e: Error) => process.stderr.write(`pg-boss: ${e.message}\n`));
await boss.start();
await startSyncWorker({
  boss,
  db,
  key: parseKey(env.GATEHOUSE_ENCRYPTION_KEY),
  scoreOrganization: async (organizationId) => {
    await scoreOrganization(systemActor("sync"), { organizationId });
    // Threat models read the same snapshots; their check controls read the scores just written.
    await generateThreatModels(systemActor("sync"), { organizationId });
  },
});
if (env.SYNC_SCHEDULES === "on") await installSyncSchedules(boss, db);
process.stdout.write("gatehouse sync worker started\n");

const stop = async () => {
  await boss.stop({ graceful: true, timeout: 30_000 });
  await db.$disconnect();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
