import "server-only";
import { getDb } from "../../db";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";

/** Every key, newest first, without its hash: admins see name, role, prefix and dates. */
export async function listApiKeys(actor: Actor | null) {
  await authorize(actor, "apikeys:manage");
  return getDb().apiKey.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    omit: { hash: true },
  });
}
