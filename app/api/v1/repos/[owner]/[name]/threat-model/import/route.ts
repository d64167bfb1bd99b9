import { z } from "zod";
import { apiRoute } from "@/lib/api/define-route";
import { AppError } from "@/lib/errors";
import { importThreatModel } from "@/lib/server/threat-models/import-threat-model";
import { presentThreatModel, RepoParams, ThreatModelSchema } from "../present";

// The file is the body, as it is (THREATS.md or a Threat Dragon file), so a client can
// `curl --data-binary @THREATS.md`; its media type says which importer reads it. The
// revision it replaces travels beside it, as If-Match or ?revision=, since the body is
// the file and has no room for it.
const FORMAT_BY_TYPE = {
  "text/markdown": "markdown",
  "application/json": "threat-dragon",
} as const;

/** `If-Match: 3`, `If-Match: "3"` or `W/"3"` → "3"; the verb validates the number. */
function revisionFrom(request: Request, query: string | undefined): string | undefined {
  const header = request.headers.get("if-match")?.replace(/^W\//, "").replace(/"/g, "").trim();
  return query ?? (header || undefined);
}

export const POST = apiRoute(
  {
    method: "POST",
    path: "/api/v1/repos/{owner}/{name}/threat-model/import",
    summary: "Import THREATS.md or a Threat Dragon v2 file as a new revision",
    description:
      "The body is the file itself: `Content-Type: text/markdown` for THREATS.md, `application/json` for a Threat Dragon v2 file. The revision the import replaces is required, as an `If-Match` header or the `revision` query parameter; a stale one gets 409 and changes nothing. A bad file (wrong schema, over 10 MB, too deeply nested, `__proto__` keys, an unknown STRIDE category) gets 422 naming the line or JSON path, and the current model is left unchanged.",
    tags: ["threat models"],
    params: RepoParams,
    query: z
      .object({
        revision: z
          .string()
          .regex(/^\d+$/, "a revision number")
          .optional()
          .meta({ description: "The revision this import replaces (or send it as If-Match)" }),
      })
      .strict(),
    rawBody: {
      types: {
        "text/markdown": "THREATS.md, as exported by `GET …/threat-model/export?format=markdown`",
        "application/json": "An OWASP Threat Dragon v2 model",
      },
      maxBytes: 10 * 1024 * 1024,
    },
    response: ThreatModelSchema,
  },
  async ({ actor, params, query, raw, request }) => {
    await importThreatModel(actor, {
      ...params,
      format: FORMAT_BY_TYPE[raw!.type as keyof typeof FORMAT_BY_TYPE],
      text: raw!.text,
      revision: revisionFrom(request, query.revision),
    });
    const model = await presentThreatModel(actor, params);
    if (!model) throw new AppError("not_found", "This repository has no threat model yet.");
    return model;
  },
);
