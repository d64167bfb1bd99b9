import "server-only";
import { getDb } from "../../db";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";

export async function listUsers(actor: Actor | null) {
  await authorize(actor, "users:manage");
  return getDb().user.findMany({
    orderBy: [{ createdAt: "asc" }],
    select: {
      id: true,
      name: true,
      githubLogin: true,
      email: true,
      role: true,
      disabledAt: true,
      createdAt: true,
    },
  });
}
