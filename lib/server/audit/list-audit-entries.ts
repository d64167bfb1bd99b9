import "server-only";
import { z } from "zod";
import { getDb } from "../../db";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";

const input = z.object({
  before: z.coerce.bigint().optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

/** Newest first, keyset-paginated by sequence number. */
export async function listAuditEntries(actor: Actor | null, raw: unknown = {}) {
  await authorize(actor, "audit:read");
  const { before, limit } = input.parse(raw);
  const rows = await getDb().auditLogEntry.findMany({
    where: before ? { seq: { lt: before } } : undefined,
    orderBy: { seq: "desc" },
    take: limit,
  });
  return rows.map((r) => ({ ...r, seq: r.seq.toString() }));
}
