import { z } from "zod";
import { apiListRoute } from "@/lib/api/define-route";
import { Segment } from "@/lib/api/schemas";
import { countOrgCheckFailures } from "@/lib/server/scores/count-org-check-failures";

export const GET = apiListRoute(
  {
    method: "GET",
    path: "/api/v1/orgs/{org}/checks",
    summary: "Every check with the number of repositories failing it",
    description:
      "From current results. `failing` honours suppressions; `total` counts repositories where the check passed or failed (not-applicable and unknown results are in neither). Most failing first.",
    tags: ["organisations"],
    params: z.object({ org: Segment }).strict(),
    response: z.object({
      check: z.string(),
      title: z.string(),
      category: z.enum(["identity", "secrets", "supply-chain", "integrity", "change-control"]),
      severity: z.enum(["critical", "high", "medium", "low"]),
      failing: z.number().int(),
      total: z.number().int(),
      unknown: z.number().int(),
    }),
  },
  async ({ actor, params }) => {
    const items = await countOrgCheckFailures(actor, params);
    return { items, total: items.length };
  },
);
