import { z } from "zod";
import { apiListRoute } from "@/lib/api/define-route";
import { GradeSchema, isoDate, Segment } from "@/lib/api/schemas";
import { getOrgTrend } from "@/lib/server/history/get-org-trend";
import { getOrganization } from "@/lib/server/orgs/get-organization";

const score = (what: string) =>
  z
    .number()
    .nullable()
    .meta({ description: `${what}, 0–100` });

export const GET = apiListRoute(
  {
    method: "GET",
    path: "/api/v1/orgs/{org}/trend",
    summary: "The organisation's scores over time",
    description:
      "One point per scoring of the organisation in the last `days` days, oldest first, from the stored snapshots (never recomputed). Empty before there is history.",
    tags: ["organisations"],
    params: z.object({ org: Segment }).strict(),
    query: z
      .object({
        days: z
          .enum(["7", "30", "90"])
          .default("30")
          .meta({ description: "The window: 7, 30 (default) or 90 days" }),
      })
      .strict(),
    response: z.object({
      at: isoDate(),
      overall: score("Overall score"),
      identity: score("Identity & access"),
      secrets: score("Secrets"),
      supplyChain: score("Supply chain"),
      integrity: score("Build & release integrity"),
      changeControl: score("Change control"),
      grade: GradeSchema.nullable(),
      coverage: z.number().nullable(),
    }),
  },
  async ({ actor, params, query }) => {
    const org = await getOrganization(actor, { login: params.org });
    const points = await getOrgTrend(actor, { organizationId: org.id, days: Number(query.days) });
    const items = points.map((p) => ({
      ...p,
      at: p.at.toISOString(),
      grade: p.grade as z.infer<typeof GradeSchema> | null,
    }));
    return { items, total: items.length };
  },
);
