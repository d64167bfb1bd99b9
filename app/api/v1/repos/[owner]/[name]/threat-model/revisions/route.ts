import { apiListRoute } from "@/lib/api/define-route";
import { listThreatModelRevisions } from "@/lib/server/threat-models/list-threat-model-revisions";
import { RepoParams, RevisionSchema } from "../present";

export const GET = apiListRoute(
  {
    method: "GET",
    path: "/api/v1/repos/{owner}/{name}/threat-model/revisions",
    summary: "The threat model's revisions, newest first",
    tags: ["threat models"],
    params: RepoParams,
    response: RevisionSchema,
  },
  async ({ actor, params }) => {
    const rows = await listThreatModelRevisions(actor, params);
    return {
      items: rows.map((r) => ({
        revision: r.revision,
        author: r.authorLogin,
        source: r.source,
        note: r.note,
        createdAt: r.createdAt.toISOString(),
      })),
      total: rows.length,
    };
  },
);
