import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import type { Actor } from "../authz/actor";

// Object-level isolation [ASVS 8.2.2]. Two things narrow what an actor sees:
//  - a person sees the organisations whose synced member list holds their GitHub login
//    (OrgMember). A person admitted by GATEHOUSE_ALLOWED_LOGINS/GATEHOUSE_ADMINS who is in
//    no synced member list sees every organisation (anyone else is refused at sign-in and
//    signed out at sync);
//  - an API key created for some organisations sees only those.
// API keys without a scope and the system's own jobs see every organisation.
// The scope is resolved once, where the request's actor is built (getActor for sessions,
// resolveApiKey for keys), and carried on the Actor (`organizations`): a page calling
// several verbs looks it up once. Out of scope answers exactly like "does not exist"
// (not_found), so ids do not leak which organisations or repositories the instance holds.

/**
 * The organisations a person (by GitHub login) may see, narrowed by a key's own limit:
 * undefined for all of them. Called only where an Actor is built.
 */
export async function resolveOrgScope(
  login: string | null,
  keyScope: readonly string[] | undefined,
): Promise<readonly string[] | undefined> {
  if (!login) return keyScope;
  const rows = await getDb().orgMember.findMany({
    where: { login: login.toLowerCase() },
    select: { organizationId: true },
  });
  return orgScopeOf(
    rows.map((r) => r.organizationId),
    keyScope,
  );
}

/**
 * The scope rule itself, for memberships already read (the session lookup reads them with
 * the session): a person in no synced member list sees every organisation (undefined).
 */
export function orgScopeOf(
  memberOrganizationIds: readonly string[],
  keyScope: readonly string[] | undefined,
): readonly string[] | undefined {
  if (memberOrganizationIds.length === 0) return keyScope;
  return keyScope ? memberOrganizationIds.filter((id) => keyScope.includes(id)) : [...memberOrganizationIds];
}

/** The organisation ids `actor` may see, or null for all of them. */
export function visibleOrganizationIds(actor: Actor): readonly string[] | null {
  return actor.organizations ?? null;
}

export function inOrgScope(actor: Actor, organizationId: string): boolean {
  const ids = visibleOrganizationIds(actor);
  return ids === null || ids.includes(organizationId);
}

/** Throws not_found (with `message`) unless the organisation is in the actor's scope. */
export function assertOrgScope(actor: Actor, organizationId: string, message: string): void {
  if (!inOrgScope(actor, organizationId)) throw new AppError("not_found", message);
}

/** A Prisma filter on an organisation id column: every organisation (undefined), or the actor's. */
export function orgScopeFilter(actor: Actor): { in: string[] } | undefined {
  const ids = visibleOrganizationIds(actor);
  return ids === null ? undefined : { in: [...ids] };
}

/**
 * A repository pattern (`owner/name`, globs allowed) a scoped actor may write rules for:
 * its owner must be one of their organisations, spelled out (a wildcard owner would reach
 * organisations they cannot see).
 */
export async function assertRepoPatternVisible(actor: Actor, pattern: string, field: string): Promise<void> {
  const ids = visibleOrganizationIds(actor);
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

/**
 * An exception outside the actor's organisations answers exactly like a missing one: a
 * lead of one organisation can neither approve nor revoke another's (nor learn it exists).
 */
export async function assertExceptionVisible(
  actor: Actor,
  exception: { id: string; repo: string },
): Promise<void> {
  try {
    await assertRepoPatternVisible(actor, exception.repo, "exceptionId");
  } catch (e) {
    if (e instanceof AppError)
      throw new AppError("not_found", `No exception "${exception.id}" in the active policy.`);
    throw e;
  }
}
