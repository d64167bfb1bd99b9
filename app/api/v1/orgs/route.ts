import { z } from "zod";
import { apiListRoute } from "@/lib/api/define-route";
import { ScoreSchema } from "@/lib/api/schemas";
import { listOrgScores } from "@/lib/server/scores/list-org-scores";

export const GET = apiListRoute(
  {
    method: "GET",
    path: "/api/v1/orgs",
    summary: "Organisations with their current scores",
    description: "Scores are the means over each organisation's current, scored repositories.",
    tags: ["organisations"],
    response: z.object({
      login: z.string(),
      name: z.string().nullable(),
      scoredRepositories: z.number().int(),
      score: ScoreSchema,
    }),
  },
  async ({ actor }) => {
    const items = await listOrgScores(actor);
    return { items, total: items.length };
  },
);
