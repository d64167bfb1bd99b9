import "server-only";
import { getDb } from "../../db";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { findRepository } from "../internal/threat-model-store";

/** Every revision of a repository's model, newest first (who, when, how it was made). */
export async function listThreatModelRevisions(actor: Actor | null, raw: unknown) {
  const who = await authorize(actor, "dashboard:read");
  const repository = await findRepository(who, raw);
  return getDb().threatModelRevision.findMany({
    where: { repositoryId: repository.id },
    orderBy: { revision: "desc" },
    take: 500,
    select: { revision: true, authorLogin: true, source: true, note: true, createdAt: true },
  });
}
