import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import { getDb } from "../../db";
import { getAuditKey } from "../../env";
import { CHAIN_VERSION, GENESIS_HASH, macEntry, type AuditContent } from "../../audit/chain";
import { isCheckpointDue } from "../../audit/checkpoint";
import type { Actor } from "../authz/actor";
import { writeAuditCheckpoint } from "./write-audit-checkpoint";

/** Who acted, as the log records it (the role is not part of an entry). */
export type AuditActor = Pick<Actor, "userId" | "login" | "ip" | "userAgent">;

// Appends are serialised by a transaction-scoped advisory lock so two concurrent
// requests never chain onto the same predecessor. The sequence number is assigned here,
// under the lock, rather than by the column's sequence: a rolled-back transaction would
// otherwise leave a hole, and the verifier treats holes in the keyed chain as deletions.
const AUDIT_LOCK = 72707370;

export interface AuditEvent {
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
}

export async function appendAuditEntry(
  actor: AuditActor | null,
  event: AuditEvent,
  tx?: Prisma.TransactionClient,
): Promise<string> {
  const key = getAuditKey();
  const write = async (db: Prisma.TransactionClient) => {
    await db.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`;
    const last = await db.auditLogEntry.findFirst({
      orderBy: { seq: "desc" },
      select: { seq: true, hash: true },
    });
    const prevHash = last?.hash ?? GENESIS_HASH;
    const seq = (last?.seq ?? BigInt(0)) + BigInt(1);
    const content: AuditContent = {
      occurredAt: new Date().toISOString(),
      actorId: actor?.userId ?? null,
      actorLogin: actor?.login ?? null,
      action: event.action,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      ip: actor?.ip ?? null,
      userAgent: actor?.userAgent ?? null,
      details: event.details ?? {},
    };
    const hash = macEntry(key, seq, prevHash, content);
    await db.auditLogEntry.create({
      data: {
        ...content,
        seq,
        occurredAt: new Date(content.occurredAt),
        details: content.details as Prisma.InputJsonValue,
        prevHash,
        hash,
        chainVersion: CHAIN_VERSION,
      },
    });
    if (isCheckpointDue(seq)) await writeAuditCheckpoint(db, { seq, hash });
    return hash;
  };
  return tx ? write(tx) : getDb().$transaction(write);
}
