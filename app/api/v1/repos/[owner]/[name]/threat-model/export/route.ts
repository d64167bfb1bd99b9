import { z } from "zod";
import { apiRoute } from "@/lib/api/define-route";
import { exportThreatModel } from "@/lib/server/threat-models/export-threat-model";
import { RepoParams } from "../present";

export const GET = apiRoute(
  {
    method: "GET",
    path: "/api/v1/repos/{owner}/{name}/threat-model/export",
    summary: "Export the threat model as THREATS.md or an OWASP Threat Dragon v2 file",
    description:
      "`text` is the file: Markdown (per asset, threat and control) or Threat Dragon v2 JSON, valid against Threat Dragon's schema.",
    tags: ["threat models"],
    params: RepoParams,
    query: z.object({ format: z.enum(["markdown", "threat-dragon"]).default("markdown") }).strict(),
    response: z.object({
      format: z.enum(["markdown", "threat-dragon"]),
      filename: z.string(),
      contentType: z.string(),
      text: z.string(),
    }),
  },
  async ({ actor, params, query }) => {
    const file = await exportThreatModel(actor, { ...params, format: query.format });
    return { format: query.format, filename: file.filename, contentType: file.contentType, text: file.body };
  },
);
