// A sync worker in its own process, for the kill-and-resume test: it resumes one run and
// is SIGKILLed by the parent at an arbitrary point.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { contextForOrganization } from "../../lib/sync/connection";
import { resumeRun } from "../../lib/sync/engine/run-inline";

const [dbUrl, keyB64, organizationId, runId] = process.argv.slice(2);
if (!dbUrl || !keyB64 || !organizationId || !runId)
  throw new Error("usage: sync-child <db-url> <key> <org-id> <run-id>");
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: dbUrl, max: 4 }) });
const ctx = await contextForOrganization(db, Buffer.from(keyB64, "base64"), organizationId, {
  timeoutMs: 5_000,
  retryBaseMs: 20,
});
const status = await resumeRun(ctx, runId, { batchConcurrency: 1 });
process.stdout.write(`child finished: ${status}\n`);
await db.$disconnect();
