import { z } from "zod";
import { apiListRoute } from "@/lib/api/define-route";
import { Segment } from "@/lib/api/schemas";
import { CATEGORIES, SEVERITIES } from "@/lib/checks/types";
import { listOrgChecks } from "@/lib/server/history/list-org-checks";
import { getOrganization } from "@/lib/server/orgs/get-organization";

export const GET = apiListRoute(
  {
    method: "GET",
    path: "/api/v1/orgs/{org}/checks",
    summary: "Every check with the number of repositories failing it",
    description:
      "From the organisation's latest scoring. `failing` counts repositories failing the check at repository level (accepted risks excluded); an organisation setting (org-2fa, base permission, the org's Actions policy) is counted once, as `orgFailing`. `total` counts repositories where the check passed or failed (unknown is never a pass). Sorted by `sort` (default most failing first).",
    tags: ["organisations"],
    params: z.object({ org: Segment }).strict(),
    query: z
      .object({
        sort: z.enum(["failing", "check", "severity", "category"]).optional(),
        dir: z.enum(["asc", "desc"]).optional(),
      })
      .strict(),
    response: z.object({
      check: z.string(),
      title: z.string(),
      category: z.enum(CATEGORIES),
      severity: z.enum(SEVERITIES),
      failing: z.number().int(),
      passing: z.number().int(),
      unknown: z.number().int(),
      total: z.number().int(),
      orgFailing: z.boolean(),
    }),
  },
  async ({ actor, params, query }) => {
    const org = await getOrganization(actor, { login: params.org });
    const { items } = await listOrgChecks(actor, { organizationId: org.id, ...query });
    return {
      items: items.map((i) => ({
        ...i,
        category: i.category as (typeof CATEGORIES)[number],
        severity: i.severity as (typeof SEVERITIES)[number],
      })),
      total: items.length,
    };
  },
);
