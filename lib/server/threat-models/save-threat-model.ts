import "server-only";
import { z } from "zod";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { findRepository, repoInput, writeRevision } from "../internal/threat-model-store";

const input = repoInput.extend({
  /** The revision the editor started from; another save since then is a conflict. */
  revision: z.coerce.number().int().min(0),
  /** Validated by the model's own schema in writeRevision. */
  model: z.unknown(),
  note: z.string().max(500).optional(),
});

/** Engineers and security leads: saves the edited model as a new revision (audited). */
export async function saveThreatModel(actor: Actor | null, raw: unknown): Promise<{ revision: number }> {
  const target = raw as { owner?: unknown; name?: unknown } | null;
  const who = await authorize(actor, "threatmodel:edit", {
    type: "repository",
    id: `${String(target?.owner ?? "")}/${String(target?.name ?? "")}`,
  });
  const { revision, model, note, ...repo } = input.parse(raw);
  const repository = await findRepository(who, repo);
  return writeRevision(who, {
    repository,
    expectedRevision: revision,
    model: model as never,
    source: "saved",
    note,
  });
}
