import "server-only";
import { z } from "zod";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { csvRow } from "../../evidence/csv";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { appendAuditEntry } from "../internal/append-audit-entry";
import {
  auditWhere,
  nameAuditEntries,
  parseAuditFilter,
  type NamedAuditEntry,
} from "../internal/audit-log-query";
import { auditScopeWhere } from "../internal/org-scope-records";

const BATCH = 500;
const format = z.enum(["csv", "json"], { error: "format: must be csv or json" });

const AUDIT_EXPORT_COLUMNS = [
  "seq",
  "occurredAt",
  "actorId",
  "actorName",
  "action",
  "targetType",
  "targetId",
  "targetName",
  "ip",
  "userAgent",
  "details",
  "hash",
] as const;

function record(e: NamedAuditEntry) {
  return {
    seq: e.seq,
    occurredAt: e.occurredAt.toISOString(),
    actorId: e.actorId,
    actorName: e.actorName,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    targetName: e.targetName,
    ip: e.ip,
    userAgent: e.userAgent,
    details: e.details,
    hash: e.hash,
  };
}

/**
 * The filtered range of the audit log as CSV or JSON, oldest first. The range is fixed
 * when the export starts (entries up to the newest seq then, so the export's own audit
 * entry is not in it) and streamed in keyset batches: memory holds one batch, whatever
 * the range. The export itself is audited with its filters.
 */
export async function exportAuditEntries(actor: Actor | null, raw: Record<string, unknown> = {}) {
  const who = await authorize(actor, "audit:read");
  const { format: rawFormat, ...filters } = raw;
  const fmt = format.safeParse(rawFormat ?? "csv");
  if (!fmt.success) throw new AppError("invalid", fmt.error.issues.map((i) => i.message).join("; "));
  const filter = parseAuditFilter(filters);
  const db = getDb();
  // The same entries the page shows this actor (org-scope-records).
  const where = { AND: [await auditWhere(db, filter), await auditScopeWhere(db, who)] };
  const newest = await db.auditLogEntry.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } });
  const upTo = newest?.seq ?? BigInt(0);
  await appendAuditEntry(who, {
    action: "audit.exported",
    details: {
      format: fmt.data,
      upToSeq: upTo.toString(),
      filters: Object.fromEntries(
        Object.entries(filter).flatMap(([k, v]) =>
          v === undefined ? [] : [[k, v instanceof Date ? v.toISOString() : v]],
        ),
      ),
    },
  });

  const encoder = new TextEncoder();
  let after = BigInt(0);
  let started = false;
  let count = 0;
  const csv = fmt.data === "csv";
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csv ? csvRow(AUDIT_EXPORT_COLUMNS) : "[\n"));
        return;
      }
      const rows = await db.auditLogEntry.findMany({
        where: { AND: [where, { seq: { gt: after, lte: upTo } }] },
        orderBy: { seq: "asc" },
        take: BATCH,
      });
      if (rows.length === 0) {
        if (!csv) controller.enqueue(encoder.encode(count ? "\n]\n" : "]\n"));
        controller.close();
        return;
      }
      after = rows[rows.length - 1]!.seq;
      const named = (await nameAuditEntries(db, rows)).map(record);
      const text = csv
        ? named
            .map((r) =>
              csvRow(AUDIT_EXPORT_COLUMNS.map((c) => (c === "details" ? JSON.stringify(r.details) : r[c]))),
            )
            .join("")
        : named.map((r, i) => `${count + i ? ",\n" : ""}${JSON.stringify(r)}`).join("");
      count += named.length;
      controller.enqueue(encoder.encode(text));
    },
  });
  const stamp = upTo === BigInt(0) ? "empty" : `to-${upTo}`;
  return {
    filename: `gatehouse-audit-log-${stamp}.${fmt.data}`,
    contentType: csv ? "text/csv; charset=utf-8" : "application/json",
    stream,
  };
}
