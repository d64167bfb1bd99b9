import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import { getAuditKey } from "../../env";
import { signCheckpoint, type AuditCheckpoint } from "../../audit/checkpoint";
import { logger } from "../../logger";

/**
 * Signs the given head (or the current head) and stores it; the same record goes to the
 * log output, which is the copy an attacker holding only the database cannot rewrite.
 * Appends call this every CHECKPOINT_EVERY entries; evidence exports may call it on demand.
 */
export async function writeAuditCheckpoint(
  db: Prisma.TransactionClient,
  head?: { seq: bigint; hash: string },
): Promise<AuditCheckpoint | null> {
  const at =
    head ??
    (await db.auditLogEntry.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } }));
  if (!at) return null;
  const checkpoint = signCheckpoint(getAuditKey(), {
    seq: at.seq,
    hash: at.hash,
    at: new Date().toISOString(),
  });
  await db.auditCheckpoint.create({
    data: {
      seq: at.seq,
      hash: checkpoint.hash,
      at: new Date(checkpoint.at),
      signature: checkpoint.signature,
    },
  });
  logger.info({ auditCheckpoint: checkpoint }, "audit checkpoint");
  return checkpoint;
}

/** Stored checkpoints, oldest first, as evidence exports include them. */
export async function listAuditCheckpoints(db: Prisma.TransactionClient): Promise<AuditCheckpoint[]> {
  const rows = await db.auditCheckpoint.findMany({ orderBy: { id: "asc" } });
  return rows.map((r) => ({
    seq: r.seq.toString(),
    hash: r.hash,
    at: r.at.toISOString(),
    signature: r.signature,
  }));
}
