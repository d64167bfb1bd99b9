import "server-only";
import { getDb } from "../../db";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";

/** Organisations with their current (not missing) repository counts. */
export async function listOrganizations(actor: Actor | null) {
  await authorize(actor, "dashboard:read");
  return getDb().organization.findMany({
    orderBy: { login: "asc" },
    select: {
      id: true,
      login: true,
      name: true,
      _count: { select: { repositories: { where: { missingSince: null } } } },
    },
  });
}
