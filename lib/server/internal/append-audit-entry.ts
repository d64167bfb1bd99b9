import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import { getDb } from "../../db";
import { GENESIS_HASH, hashEntry, type AuditContent } from "../../audit/chain";
import type { Actor } from "../authz/actor";

/** Who acted, as the log records it (the role is not part of an entry). */
export type AuditActor = Pick<Actor, "userId" | "login" | "ip" | "userAgent">;

// Appends are serialised by a transaction-scoped advisory lock so two concurrent
// requests never chain onto the same predecessor.
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
  const write = async (db: Prisma.TransactionClient) => {
    await db.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`;
    const last = await db.auditLogEntry.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
    const prevHash = last?.hash ?? GENESIS_HASH;
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
    const hash = hashEntry(prevHash, content);
    await db.auditLogEntry.create({
      data: {
        ...content,
        occurredAt: new Date(content.occurredAt),
        details: content.details as Prisma.InputJsonValue,
        prevHash,
        hash,
      },
    });
    return hash;
  };
  return tx ? write(tx) : getDb().$transaction(write);
}
