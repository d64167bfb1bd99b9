// `npm run rotate-encryption-key`: re-wraps every stored credential under a new master key.
//   GATEHOUSE_ENCRYPTION_KEY           the NEW master key (base64, 32 bytes)
//   GATEHOUSE_ENCRYPTION_KEY_PREVIOUS  the old key(s), comma-separated
//   DATABASE_URL                       as for the app
// Safe to run again (rows already under the new key are skipped). See docs/deployment.md.
import { parseKey } from "../lib/crypto/aead";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { rotateConnectionKeys } from "../lib/sync/rotate-connection-keys";

const url = process.env.DATABASE_URL;
const previous = (process.env.GATEHOUSE_ENCRYPTION_KEY_PREVIOUS ?? "").split(",").filter(Boolean);
if (!url || previous.length === 0) {
  console.error(
    "set DATABASE_URL, GATEHOUSE_ENCRYPTION_KEY (new) and GATEHOUSE_ENCRYPTION_KEY_PREVIOUS (old)",
  );
  process.exit(2);
}
let to: Buffer;
let from: Buffer[];
try {
  to = parseKey(process.env.GATEHOUSE_ENCRYPTION_KEY);
  from = previous.map((k) => parseKey(k));
} catch (error) {
  // parseKey's messages never echo a key.
  console.error(error instanceof Error ? error.message : "invalid key");
  process.exit(2);
}
// Not lib/db (server-only): this runs under plain tsx, like the worker.
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });
try {
  const { rewrapped, alreadyCurrent } = await rotateConnectionKeys(db, { from, to });
  console.log(`credentials: ${rewrapped} re-wrapped, ${alreadyCurrent} already under the new key`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
