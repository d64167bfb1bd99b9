import "server-only";
import { getDb } from "../../db";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";

/**
 * Every key, newest first, without its hash: admins see name, role, prefix, dates and
 * the organisations (logins) a limited key may see (empty: every organisation).
 */
export async function listApiKeys(actor: Actor | null) {
  await authorize(actor, "apikeys:manage");
  const db = getDb();
  const keys = await db.apiKey.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    omit: { hash: true },
  });
  const ids = [...new Set(keys.flatMap((k) => k.organizationIds))];
  const orgs = ids.length
    ? await db.organization.findMany({ where: { id: { in: ids } }, select: { id: true, login: true } })
    : [];
  const login = new Map(orgs.map((o) => [o.id, o.login]));
  return keys.map(({ organizationIds, ...k }) => ({
    ...k,
    // A deleted organisation stays listed by id, so the key never looks unlimited.
    organizations: organizationIds.map((id) => login.get(id) ?? id).sort(),
  }));
}
