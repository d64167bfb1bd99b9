import "server-only";
import { z } from "zod";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { auditWhere, nameAuditEntries, parseAuditFilter } from "../internal/audit-log-query";
import { auditScopeWhere } from "../internal/org-scope-records";

const page = z.object({
  before: z
    .union([z.string().regex(/^\d{1,19}$/, "before: a sequence number"), z.bigint()])
    .transform((v) => BigInt(v))
    .optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

/**
 * Newest first, keyset-paginated by sequence number (`before`: the last seq of the page
 * above), filtered by actor, action, target and date (see audit-log-query), with actor
 * and target names beside their ids. People who see only some organisations see the
 * entries about those and their own actions; admins and the instance-wide see all.
 */
export async function listAuditEntries(actor: Actor | null, raw: Record<string, unknown> = {}) {
  const who = await authorize(actor, "audit:read");
  const { before: rawBefore, limit: rawLimit, ...filters } = raw;
  const parsed = page.safeParse({ before: rawBefore || undefined, limit: rawLimit });
  if (!parsed.success) throw new AppError("invalid", parsed.error.issues.map((i) => i.message).join("; "));
  const { before, limit } = parsed.data;
  const db = getDb();
  const filter = parseAuditFilter(filters);
  // A scoped person's entries only (org-scope-records): their organisations' and their own.
  const where = { AND: [await auditWhere(db, filter), await auditScopeWhere(db, who)] };
  const rows = await db.auditLogEntry.findMany({
    where: before ? { AND: [where, { seq: { lt: before } }] } : where,
    orderBy: { seq: "desc" },
    take: limit,
  });
  return nameAuditEntries(db, rows);
}
