import { z } from "zod";
import { apiListRoute } from "@/lib/api/define-route";
import { GradeSchema, Segment } from "@/lib/api/schemas";
import { REPO_SORTS, searchRepoScores } from "@/lib/server/scores/search-repo-scores";

export const GET = apiListRoute(
  {
    method: "GET",
    path: "/api/v1/orgs/{org}/repos",
    summary: "An organisation's scored repositories, filtered, sorted and paged",
    tags: ["repositories"],
    params: z.object({ org: Segment }).strict(),
    query: z
      .object({
        failing: z
          .string()
          .min(1)
          .optional()
          .meta({ description: "A check id: only repositories failing it" }),
        grade: GradeSchema.optional(),
        q: z.string().max(100).optional().meta({ description: "Part of the repository name" }),
        sort: z.enum(REPO_SORTS).optional().meta({ description: "Default `overall` (worst first)" }),
        page: z.coerce.number().int().min(1).optional(),
        pageSize: z.coerce.number().int().min(1).max(200).optional(),
      })
      .strict(),
    response: z.object({
      fullName: z.string(),
      overall: z.number().nullable(),
      grade: GradeSchema.nullable(),
      failingCritical: z.number().int(),
    }),
  },
  async ({ actor, params, query }) => {
    const { rows, ...page } = await searchRepoScores(actor, { ...query, org: params.org });
    return { items: rows, ...page };
  },
);
