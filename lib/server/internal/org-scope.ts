import "server-only";
import { AppError } from "../../errors";
import type { Actor } from "../authz/actor";

// Object-level isolation: an actor scoped to some organisations (an API key created for
// them) sees nothing of the others. Out of scope answers exactly like "does not exist"
// (not_found), so a scoped key cannot probe which organisations or repositories exist.

export function inOrgScope(actor: Actor, organizationId: string): boolean {
  return !actor.organizations || actor.organizations.includes(organizationId);
}

/** Throws not_found (with `message`) unless the organisation is in the actor's scope. */
export function assertOrgScope(actor: Actor, organizationId: string, message: string): void {
  if (!inOrgScope(actor, organizationId)) throw new AppError("not_found", message);
}

/** A Prisma filter on an organisation id column: every organisation, or the actor's. */
export function orgScopeFilter(actor: Actor): { in: string[] } | undefined {
  return actor.organizations ? { in: [...actor.organizations] } : undefined;
}

/** For instance-wide data (evidence packs span every organisation): refused to a scoped actor. */
export function refuseOrgScoped(actor: Actor, what: string): void {
  if (actor.organizations)
    throw new AppError("forbidden", `${what} covers every organisation; this key is limited to some.`);
}
