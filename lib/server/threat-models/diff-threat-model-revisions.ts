import "server-only";
import { z } from "zod";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { diffModels, type ModelChange } from "../../threat-model/diff";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { findRepository, repoInput, storedModel } from "../internal/threat-model-store";

const input = repoInput.extend({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});

/** What changed from one revision to another, entity by entity and field by field. */
export async function diffThreatModelRevisions(actor: Actor | null, raw: unknown): Promise<ModelChange[]> {
  const who = await authorize(actor, "dashboard:read");
  const { from, to, ...repo } = input.parse(raw);
  const repository = await findRepository(who, repo);
  const rows = await getDb().threatModelRevision.findMany({
    where: { repositoryId: repository.id, revision: { in: [from, to] } },
    select: { revision: true, model: true },
  });
  const a = rows.find((r) => r.revision === from);
  const b = rows.find((r) => r.revision === to);
  if (!a || !b) throw new AppError("not_found", `Revision ${!a ? from : to} does not exist.`);
  return diffModels(storedModel(a.model), storedModel(b.model));
}
