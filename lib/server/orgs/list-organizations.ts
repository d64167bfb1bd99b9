import "server-only";
import { getDb } from "../../db";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { orgScopeFilter } from "../internal/org-scope";

/** Organisations (those in the actor's scope) with their current (not missing) repository counts. */
export async function listOrganizations(actor: Actor | null) {
  const who = await authorize(actor, "dashboard:read");
  return getDb().organization.findMany({
    where: { id: orgScopeFilter(who) },
    orderBy: { login: "asc" },
    select: {
      id: true,
      login: true,
      name: true,
      _count: { select: { repositories: { where: { missingSince: null } } } },
    },
  });
}
