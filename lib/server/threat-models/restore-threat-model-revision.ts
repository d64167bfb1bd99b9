import "server-only";
import { z } from "zod";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { findRepository, repoInput, storedModel, writeRevision } from "../internal/threat-model-store";

const input = repoInput.extend({
  restore: z.coerce.number().int().min(1),
  /** The current revision as the page showed it. */
  revision: z.coerce.number().int().min(0),
});

/** Restores an old revision as a new one: history is never rewritten. */
export async function restoreThreatModelRevision(actor: Actor | null, raw: unknown) {
  const target = raw as { owner?: unknown; name?: unknown } | null;
  const who = await authorize(actor, "threatmodel:edit", {
    type: "repository",
    id: `${String(target?.owner ?? "")}/${String(target?.name ?? "")}`,
  });
  const { restore, revision, ...repo } = input.parse(raw);
  const repository = await findRepository(who, repo);
  const old = await getDb().threatModelRevision.findUnique({
    where: { repositoryId_revision: { repositoryId: repository.id, revision: restore } },
    select: { model: true },
  });
  if (!old) throw new AppError("not_found", `Revision ${restore} does not exist.`);
  return writeRevision(who, {
    repository,
    expectedRevision: revision,
    model: storedModel(old.model),
    source: "restored",
    note: `restored from revision ${restore}`,
    details: { restoredFrom: restore },
  });
}
