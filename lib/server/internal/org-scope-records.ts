import "server-only";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import type { Actor } from "../authz/actor";
import { visibleOrganizationIds } from "./org-scope";

// Object-level isolation of the records that span organisations: evidence packs and the
// audit log. The rules (docs/security.md, "Access control") hold for people who see only
// some of the instance's organisations; someone whose scope holds every organisation (as
// everyone's does on a one-organisation instance) sees these records whole:
//  - an evidence pack covers its requester's organisations (EvidencePack.organizationIds,
//    empty for every organisation); someone sees a pack only if they see every
//    organisation it covers, so an instance-wide pack is hidden from scoped people;
//  - a scoped person sees the audit entries whose target belongs to their organisations
//    (the organisation, its repositories, tasks and evidence packs), plus their own actions.
//    Instance-level entries (users, keys, the policy, connections, webhooks) stay with the
//    instance-wide. Admins run the instance and see the whole log; a key limited to some
//    organisations stays limited whatever its role.

/** The pack's organisation list for `actor`'s scope: [] means every organisation. */
export function packOrganizationsFor(actor: Actor): string[] {
  return [...(visibleOrganizationIds(actor) ?? [])];
}

/** The instance's organisations outside `ids`, or null when `ids` holds them all. */
async function outside(db: PrismaClient, ids: readonly string[] | null): Promise<string[] | null> {
  if (ids === null) return null;
  const rows = await db.organization.findMany({ where: { id: { notIn: [...ids] } }, select: { id: true } });
  return rows.length ? rows.map((r) => r.id) : null;
}

/** A Prisma filter on EvidencePack: the packs `actor` may see, or {} for all. */
export async function packScopeWhere(db: PrismaClient, actor: Actor): Promise<Prisma.EvidencePackWhereInput> {
  return packsWithin(await outside(db, visibleOrganizationIds(actor)));
}

/** Packs that cover none of `others` (so no instance-wide pack either); null: every pack. */
function packsWithin(others: string[] | null): Prisma.EvidencePackWhereInput {
  if (others === null) return {};
  return { organizationIds: { isEmpty: false }, NOT: { organizationIds: { hasSome: others } } };
}

/**
 * A Prisma filter on AuditLogEntry for the entries whose target is in `organizationIds`
 * (and, with `actorId`, that actor's own entries); {} when they are every organisation.
 * Targets are named by id, except a repository's threat-model entries (by full name).
 */
export async function auditEntriesOf(
  db: PrismaClient,
  organizationIds: readonly string[],
  actorId?: string,
): Promise<Prisma.AuditLogEntryWhereInput> {
  const ids = [...organizationIds];
  const others = await outside(db, ids);
  if (others === null) return {};
  const [orgs, repos, tasks, packs] = await Promise.all([
    db.organization.findMany({ where: { id: { in: ids } }, select: { login: true } }),
    db.repository.findMany({ where: { organizationId: { in: ids } }, select: { id: true } }),
    db.remediationTask.findMany({
      where: { repository: { organizationId: { in: ids } } },
      select: { id: true },
    }),
    db.evidencePack.findMany({ where: packsWithin(others), select: { id: true } }),
  ]);
  return {
    OR: [
      { targetType: "organization", targetId: { in: ids } },
      { targetType: "repository", targetId: { in: repos.map((r) => r.id) } },
      ...orgs.map((o) => ({
        targetType: "repository",
        targetId: { startsWith: `${o.login}/`, mode: "insensitive" as const },
      })),
      { targetType: "task", targetId: { in: tasks.map((t) => t.id) } },
      { targetType: "evidence_pack", targetId: { in: packs.map((p) => p.id) } },
      ...(actorId ? [{ actorId }] : []),
    ],
  };
}

/** The audit entries `actor` may read, as a filter: {} for the whole log. */
export async function auditScopeWhere(
  db: PrismaClient,
  actor: Actor,
): Promise<Prisma.AuditLogEntryWhereInput> {
  const limitedKey = actor.userId.startsWith("api-key:");
  if (actor.role === "admin" && !limitedKey) return {}; // admins run the instance
  const ids = visibleOrganizationIds(actor);
  return ids === null ? {} : auditEntriesOf(db, ids, actor.userId);
}
