import "server-only";
import { z } from "zod";
import { AppError } from "../../errors";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";

// The audit log's filters, shared by the page (one page at a time) and the export (the
// whole filtered range, in batches): one schema, one WHERE, one way to name targets.

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const date = (field: string, endOfDay: boolean) =>
  z
    .string()
    .trim()
    .max(40)
    .transform((s, ctx) => {
      if (s === "") return undefined;
      const t = DAY.test(s) ? Date.parse(`${s}T00:00:00Z`) + (endOfDay ? 86_399_999 : 0) : Date.parse(s);
      if (Number.isNaN(t)) {
        ctx.addIssue({ code: "custom", message: `${field}: not a date (use YYYY-MM-DD): ${s}` });
        return z.NEVER;
      }
      return new Date(t);
    })
    .optional();
const text = (field: string) =>
  z
    .string()
    .trim()
    .max(200, `${field}: at most 200 characters`)
    .transform((s) => s || undefined)
    .optional();

const auditFilterSchema = z
  .object({
    /** A login (case-insensitive), a user id, or "system" for entries without an actor. */
    actor: text("actor"),
    /** An action or its prefix: "authz." matches every authorisation entry. */
    action: text("action"),
    /** A target type ("repository"), id, or name (a repository's full name, a login, a key name). */
    target: text("target"),
    /** Inclusive; a bare date is the start of that day (UTC). */
    from: date("from", false),
    /** Inclusive; a bare date is the end of that day (UTC). */
    to: date("to", true),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "from: must not be after to" });
type AuditFilter = z.output<typeof auditFilterSchema>;

/** Parses filters from a form or query string; bad input names the field. */
export function parseAuditFilter(raw: unknown): AuditFilter {
  const parsed = auditFilterSchema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  throw new AppError("invalid", parsed.error.issues.map((i) => i.message).join("; "));
}

/** Ids of things whose name is `name`: what a target filter by name resolves to. */
async function idsNamed(db: PrismaClient, name: string): Promise<string[]> {
  const ci = { equals: name, mode: "insensitive" as const };
  const [repos, users, orgs, keys] = await Promise.all([
    db.repository.findMany({ where: { fullName: ci }, select: { id: true } }),
    db.user.findMany({ where: { githubLogin: ci }, select: { id: true } }),
    db.organization.findMany({ where: { login: ci }, select: { id: true } }),
    db.apiKey.findMany({ where: { name: ci }, select: { id: true } }),
  ]);
  return [...repos, ...users, ...orgs, ...keys].map((r) => r.id);
}

export async function auditWhere(db: PrismaClient, f: AuditFilter): Promise<Prisma.AuditLogEntryWhereInput> {
  const and: Prisma.AuditLogEntryWhereInput[] = [];
  if (f.actor)
    and.push(
      f.actor.toLowerCase() === "system"
        ? { actorId: null }
        : { OR: [{ actorLogin: { equals: f.actor, mode: "insensitive" } }, { actorId: f.actor }] },
    );
  if (f.action) and.push({ action: { startsWith: f.action } });
  if (f.target) {
    const named = await idsNamed(db, f.target);
    and.push({
      OR: [
        { targetType: f.target },
        { targetId: f.target },
        ...(named.length ? [{ targetId: { in: named } }] : []),
      ],
    });
  }
  if (f.from || f.to)
    and.push({ occurredAt: { ...(f.from && { gte: f.from }), ...(f.to && { lte: f.to }) } });
  return and.length ? { AND: and } : {};
}

type Entry = Prisma.AuditLogEntryGetPayload<object>;

/**
 * The entries as shown and exported: seq as a string, the actor's and target's current
 * names beside their ids. An `authz.denied` without a target (a page visit) names the
 * permission that was refused.
 */
export async function nameAuditEntries(db: PrismaClient, rows: Entry[]) {
  const ids = (type: string) => [
    ...new Set(rows.filter((r) => r.targetType === type && r.targetId).map((r) => r.targetId!)),
  ];
  const userIds = [...new Set([...ids("user"), ...rows.flatMap((r) => (r.actorId ? [r.actorId] : []))])];
  const [users, repos, orgs, keys, packs] = await Promise.all([
    userIds.length
      ? db.user.findMany({
          where: { id: { in: userIds } },
          select: { id: true, githubLogin: true, name: true },
        })
      : [],
    ids("repository").length
      ? db.repository.findMany({
          where: { id: { in: ids("repository") } },
          select: { id: true, fullName: true },
        })
      : [],
    ids("organization").length
      ? db.organization.findMany({
          where: { id: { in: ids("organization") } },
          select: { id: true, login: true },
        })
      : [],
    ids("api_key").length
      ? db.apiKey.findMany({ where: { id: { in: ids("api_key") } }, select: { id: true, name: true } })
      : [],
    ids("evidence_pack").length
      ? db.evidencePack.findMany({
          where: { id: { in: ids("evidence_pack") } },
          select: { id: true, framework: true, asOf: true },
        })
      : [],
  ]);
  const names = new Map<string, string>([
    ...users.map((u) => [`user:${u.id}`, u.githubLogin ?? u.name ?? u.id] as const),
    ...repos.map((r) => [`repository:${r.id}`, r.fullName] as const),
    ...orgs.map((o) => [`organization:${o.id}`, o.login] as const),
    ...keys.map((k) => [`api_key:${k.id}`, `API key "${k.name}"`] as const),
    ...packs.map(
      (p) =>
        [`evidence_pack:${p.id}`, `${p.framework} pack as of ${p.asOf.toISOString().slice(0, 10)}`] as const,
    ),
  ]);
  return rows.map((r) => {
    const details = (r.details ?? {}) as Record<string, unknown>;
    const targetName = r.targetType
      ? (names.get(`${r.targetType}:${r.targetId}`) ?? r.targetId ?? "")
      : r.action === "authz.denied" && typeof details.permission === "string"
        ? `permission ${details.permission}`
        : "";
    return {
      seq: r.seq.toString(),
      occurredAt: r.occurredAt,
      actorId: r.actorId,
      actorLogin: r.actorLogin,
      actorName: r.actorId ? (names.get(`user:${r.actorId}`) ?? r.actorLogin ?? r.actorId) : "system",
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      targetName,
      ip: r.ip,
      userAgent: r.userAgent,
      details,
      hash: r.hash,
    };
  });
}
export type NamedAuditEntry = Awaited<ReturnType<typeof nameAuditEntries>>[number];
