import "server-only";
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createDeflateRaw, createInflateRaw } from "node:zlib";
import type { Spool } from "../../evidence/pack";

/** Bytes per piece read back (the builder's write size: fewer, larger zip writes). */
const READ_CHUNK = 64 * 1024;

/**
 * Internal: the pack builder's spool as a temporary file, deflated at level 1 on the way
 * in. findings.csv is ~15 KB a repository; compressed, 10,000 repositories take ~10 MB
 * of disk rather than ~150 MB (a container's /tmp may be memory), and zlib streams run
 * on the thread pool, beside the export. The directory is removed by dispose().
 */
export async function openEvidenceSpool(): Promise<Spool> {
  const dir = await mkdtemp(path.join(tmpdir(), "gatehouse-spool-"));
  const file = path.join(dir, "findings.csv.deflate");
  const deflate = createDeflateRaw({ level: 1 });
  const stored = pipeline(deflate, createWriteStream(file));
  // Awaited by read(); until then a failure must not be an unhandled rejection (a write
  // sees it too: `once` rejects on the deflate stream's error).
  stored.catch(() => {});
  let inflate: ReturnType<typeof createInflateRaw> | undefined;
  return {
    async write(text) {
      if (!deflate.write(text)) await once(deflate, "drain");
    },
    async *read() {
      deflate.end();
      await stored;
      inflate = createInflateRaw({ chunkSize: READ_CHUNK });
      pipeline(createReadStream(file, { highWaterMark: READ_CHUNK }), inflate).catch(() => {});
      yield* inflate;
    },
    async dispose() {
      deflate.destroy();
      inflate?.destroy();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
