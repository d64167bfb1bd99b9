import "server-only";
import { getDb } from "../../db";
import { authorize } from "../authz/authorize";
import { organizationFilter } from "../internal/org-scope";
import type { Actor } from "../authz/actor";

/** Organisations with their current (not missing) repository counts. */
export async function listOrganizations(actor: Actor | null) {
  const who = await authorize(actor, "dashboard:read");
  const visible = (await organizationFilter(who)).organizationId;
  return getDb().organization.findMany({
    ...(visible ? { where: { id: visible } } : {}),
    orderBy: { login: "asc" },
    select: {
      id: true,
      login: true,
      name: true,
      _count: { select: { repositories: { where: { missingSince: null } } } },
    },
  });
}
