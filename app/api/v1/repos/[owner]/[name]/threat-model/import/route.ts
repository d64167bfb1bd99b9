import { z } from "zod";
import { apiRoute } from "@/lib/api/define-route";
import { AppError } from "@/lib/errors";
import { importThreatModel } from "@/lib/server/threat-models/import-threat-model";
import { presentThreatModel, RepoParams, ThreatModelSchema } from "../present";

export const POST = apiRoute(
  {
    method: "POST",
    path: "/api/v1/repos/{owner}/{name}/threat-model/import",
    summary: "Import THREATS.md or a Threat Dragon v2 file as a new revision",
    description:
      "`text` is the file. A bad file (wrong schema, over 10 MB, too deeply nested, `__proto__` keys, an unknown STRIDE category) gets 422 naming the line or JSON path, and the current model is left unchanged; a stale `revision` gets 409.",
    tags: ["threat models"],
    params: RepoParams,
    body: z
      .object({
        revision: z.number().int().min(0),
        format: z.enum(["markdown", "threat-dragon"]),
        text: z.string().max(10 * 1024 * 1024),
      })
      .strict(),
    response: ThreatModelSchema,
  },
  async ({ actor, params, body }) => {
    await importThreatModel(actor, { ...params, ...body });
    const model = await presentThreatModel(actor, params);
    if (!model) throw new AppError("not_found", "This repository has no threat model yet.");
    return model;
  },
);
