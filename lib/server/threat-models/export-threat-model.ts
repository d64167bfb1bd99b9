import "server-only";
import { z } from "zod";
import { AppError } from "../../errors";
import { exportMarkdown } from "../../threat-model/markdown-export";
import { exportThreatDragon } from "../../threat-model/threat-dragon-export";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { getThreatModel } from "./get-threat-model";

const input = z.object({ format: z.enum(["markdown", "threat-dragon"]) }).passthrough();

export interface ExportedFile {
  filename: string;
  contentType: string;
  body: string;
}

/** The current model as THREATS.md or a Threat Dragon v2 file (readers may export). */
export async function exportThreatModel(
  actor: Actor | null,
  raw: unknown,
  now: Date = new Date(),
): Promise<ExportedFile> {
  await authorize(actor, "dashboard:read");
  const { format } = input.parse(raw);
  const view = await getThreatModel(actor, raw);
  if (!view.model) throw new AppError("not_found", "This repository has no threat model yet.");
  const meta = { repository: view.repository.fullName, revision: view.revision };
  if (format === "markdown")
    return {
      filename: "THREATS.md",
      contentType: "text/markdown; charset=utf-8",
      body: exportMarkdown(view.model, { ...meta, exportedAt: now.toISOString() }),
    };
  return {
    filename: `${view.repository.fullName.replace("/", "-")}.threat-dragon.json`,
    contentType: "application/json",
    body: JSON.stringify(exportThreatDragon(view.model, meta), null, 2),
  };
}
