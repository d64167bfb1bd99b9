import "server-only";
import { z } from "zod";
import { AppError } from "../../errors";
import { importMarkdown } from "../../threat-model/markdown-import";
import { ImportError } from "../../threat-model/safe-json";
import { importThreatDragon } from "../../threat-model/threat-dragon-import";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { findRepository, repoInput, writeRevision } from "../internal/threat-model-store";

const input = repoInput.extend({
  format: z.enum(["markdown", "threat-dragon"]),
  /** The file's text; its size is checked by the importers (10 MB). */
  text: z.string(),
  /** The revision the file replaces (a newer one is a conflict); the API reads If-Match. */
  revision: z.coerce
    .number({ error: "required: the revision this import replaces (API: If-Match or ?revision=)" })
    .int()
    .min(0),
});

/**
 * Replaces the model with an imported file as a new revision. A bad file is refused as
 * `invalid` naming the line or JSON path, and the current model is left unchanged.
 */
export async function importThreatModel(actor: Actor | null, raw: unknown): Promise<{ revision: number }> {
  const target = raw as { owner?: unknown; name?: unknown } | null;
  const who = await authorize(actor, "threatmodel:edit", {
    type: "repository",
    id: `${String(target?.owner ?? "")}/${String(target?.name ?? "")}`,
  });
  const { format, text, revision, ...repo } = input.parse(raw);
  const repository = await findRepository(repo, who);
  let model;
  try {
    model = format === "markdown" ? importMarkdown(text) : importThreatDragon(text);
  } catch (error) {
    if (error instanceof ImportError)
      throw new AppError("invalid", `The file was not imported: ${error.message}`);
    throw error;
  }
  return writeRevision(who, {
    repository,
    expectedRevision: revision,
    model,
    source: format === "markdown" ? "imported-markdown" : "imported-threat-dragon",
  });
}
