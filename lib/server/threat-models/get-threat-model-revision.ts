import "server-only";
import { z } from "zod";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { findRepository, repoInput, storedModel } from "../internal/threat-model-store";

const input = repoInput.extend({ revision: z.coerce.number().int().min(1) });

/** One stored revision, exactly as it was saved. */
export async function getThreatModelRevision(actor: Actor | null, raw: unknown) {
  await authorize(actor, "dashboard:read");
  const { revision, ...repo } = input.parse(raw);
  const repository = await findRepository(repo);
  const row = await getDb().threatModelRevision.findUnique({
    where: { repositoryId_revision: { repositoryId: repository.id, revision } },
  });
  if (!row) throw new AppError("not_found", `Revision ${revision} does not exist.`);
  return {
    repository,
    revision: row.revision,
    authorLogin: row.authorLogin,
    source: row.source,
    createdAt: row.createdAt,
    model: storedModel(row.model),
  };
}
