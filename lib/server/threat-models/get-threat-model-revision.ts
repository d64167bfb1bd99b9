import "server-only";
import { z } from "zod";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { findRepository, repoInput, storedModel } from "../internal/threat-model-store";

const input = repoInput.extend({ revision: z.coerce.number().int().min(1) });

/** One stored revision of a repository's model: who saved it, when, how, and the model. */
export async function getThreatModelRevision(actor: Actor | null, raw: unknown) {
  const who = await authorize(actor, "dashboard:read");
  const { revision, ...repo } = input.parse(raw);
  const repository = await findRepository(repo, who);
  const row = await getDb().threatModelRevision.findUnique({
    where: { repositoryId_revision: { repositoryId: repository.id, revision } },
    select: { revision: true, authorLogin: true, source: true, note: true, createdAt: true, model: true },
  });
  if (!row) throw new AppError("not_found", `Revision ${revision} does not exist.`);
  return { ...row, model: storedModel(row.model) };
}
