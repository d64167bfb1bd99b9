import { z } from "zod";
import { apiListRoute } from "@/lib/api/define-route";
import { ScoreSchema } from "@/lib/api/schemas";
import { getOrgSnapshot } from "@/lib/server/history/get-org-snapshot";
import { listOrganizations } from "@/lib/server/orgs/list-organizations";

export const GET = apiListRoute(
  {
    method: "GET",
    path: "/api/v1/orgs",
    summary: "Organisations with their current scores",
    description:
      "Scores are the organisation's latest scoring (its stored snapshot): means over its current, scored repositories. Null before the first scoring.",
    tags: ["organisations"],
    response: z.object({
      login: z.string(),
      name: z.string().nullable(),
      scoredRepositories: z.number().int(),
      scoredAt: z.iso.datetime({ offset: true }).nullable(),
      score: ScoreSchema,
    }),
  },
  async ({ actor }) => {
    const orgs = await listOrganizations(actor);
    const items = await Promise.all(
      orgs.map(async (org) => {
        const s = await getOrgSnapshot(actor, { organizationId: org.id });
        return {
          login: org.login,
          name: org.name,
          scoredRepositories: s?.repositories ?? 0,
          scoredAt: s?.takenAt.toISOString() ?? null,
          score: {
            overall: s?.overall ?? null,
            grade: s?.grade ?? null,
            identity: s?.identity ?? null,
            secrets: s?.secrets ?? null,
            supplyChain: s?.supplyChain ?? null,
            integrity: s?.integrity ?? null,
            changeControl: s?.changeControl ?? null,
            coverage: s?.coverage ?? null,
          },
        };
      }),
    );
    return { items, total: items.length };
  },
);
