import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import type { Actor } from "../authz/actor";

// Object-level isolation [ASVS 8.2.2]: a user sees the organisations whose synced member
// list holds their GitHub login (OrgMember), and nothing of any other organisation. The
// verbs apply it after authorize(): lists are filtered, and an id of another organisation
// is answered exactly like an id that does not exist (not_found), so ids do not leak
// which organisations the instance holds.
// Instance-wide callers: API keys (an admin issues them for the instance), the system's
// own jobs, and a person admitted by GATEHOUSE_ALLOWED_LOGINS/GATEHOUSE_ADMINS who is in
// no synced member list (anyone else is refused at sign-in and signed out at sync).

/** The organisation ids `actor` may see, or null for all of them. */
export async function visibleOrganizationIds(actor: Actor): Promise<string[] | null> {
  if (actor.userId.startsWith("api-key:") || actor.userId.startsWith("system:") || !actor.login) return null;
  const rows = await getDb().orgMember.findMany({
    where: { login: actor.login.toLowerCase() },
    select: { organizationId: true },
  });
  return rows.length === 0 ? null : rows.map((r) => r.organizationId);
}

/** A Prisma filter on an `organizationId` column: `{}` when every organisation is visible. */
export async function organizationFilter(actor: Actor): Promise<{ organizationId?: { in: string[] } }> {
  const ids = await visibleOrganizationIds(actor);
  return ids === null ? {} : { organizationId: { in: ids } };
}

/** Throws not_found (as for a missing object) unless `organizationId` is visible to `actor`. */
export async function assertOrganizationVisible(
  actor: Actor,
  organizationId: string,
  what: string,
): Promise<void> {
  const ids = await visibleOrganizationIds(actor);
  if (ids !== null && !ids.includes(organizationId)) throw new AppError("not_found", `No ${what}.`);
}

/**
 * A repository pattern (`owner/name`, globs allowed) a scoped actor may write rules for:
 * its owner must be one of their organisations, spelled out (a wildcard owner would reach
 * organisations they cannot see).
 */
export async function assertRepoPatternVisible(actor: Actor, pattern: string, field: string): Promise<void> {
  const ids = await visibleOrganizationIds(actor);
  if (ids === null) return;
  const owner = pattern.split("/")[0] ?? "";
  if (/[*?[\]{}!]/.test(owner))
    throw new AppError("forbidden", `${field}: name one of your organisations instead of "${owner}".`);
  const org = await getDb().organization.findFirst({
    where: { login: { equals: owner, mode: "insensitive" } },
    select: { id: true },
  });
  if (!org || !ids.includes(org.id)) throw new AppError("not_found", `${field}: no organisation "${owner}".`);
}
