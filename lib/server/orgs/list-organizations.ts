import "server-only";
import { getDb } from "../../db";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { orgScopeFilter } from "../internal/org-scope";

/**
 * Organisations in the actor's scope, by login. No repository count: no caller shows one,
 * and counting every organisation's repositories cost each overview a 10,000-row aggregate.
 */
export async function listOrganizations(actor: Actor | null) {
  const who = await authorize(actor, "dashboard:read");
  return getDb().organization.findMany({
    where: { id: orgScopeFilter(who) },
    orderBy: { login: "asc" },
    select: {
      id: true,
      login: true,
      name: true,
    },
  });
}
