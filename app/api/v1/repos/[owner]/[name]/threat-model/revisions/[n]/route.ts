import { z } from "zod";
import { apiRoute } from "@/lib/api/define-route";
import { Segment } from "@/lib/api/schemas";
import { getThreatModelRevision } from "@/lib/server/threat-models/get-threat-model-revision";
import { assetSchema, boundarySchema, controlSchema, threatSchema } from "@/lib/threat-model/model";
import { RevisionSchema } from "../../present";

export const GET = apiRoute(
  {
    method: "GET",
    path: "/api/v1/repos/{owner}/{name}/threat-model/revisions/{n}",
    summary: "One revision of the threat model, as it was saved",
    tags: ["threat models"],
    params: z.object({ owner: Segment, name: Segment, n: z.coerce.number().int().min(1) }).strict(),
    response: RevisionSchema.extend({
      model: z.object({
        assets: z.array(assetSchema),
        boundaries: z.array(boundarySchema),
        controls: z.array(controlSchema),
        threats: z.array(threatSchema),
      }),
    }).meta({ id: "ThreatModelRevisionWithModel" }),
  },
  async ({ actor, params }) => {
    const r = await getThreatModelRevision(actor, {
      owner: params.owner,
      name: params.name,
      revision: params.n,
    });
    return {
      revision: r.revision,
      author: r.authorLogin,
      source: r.source,
      note: r.note,
      createdAt: r.createdAt.toISOString(),
      model: {
        assets: r.model.assets,
        boundaries: r.model.boundaries,
        controls: r.model.controls,
        threats: r.model.threats,
      },
    };
  },
);
