import { z } from "zod";
import { apiListRoute } from "@/lib/api/define-route";
import { GradeSchema, Segment } from "@/lib/api/schemas";
import { checkById } from "@/lib/checks/catalogue";
import { REPO_SORTS } from "@/lib/server/internal/list-repos-input";
import { getOrganization } from "@/lib/server/orgs/get-organization";
import { listRepos } from "@/lib/server/repos/list-repos";

const SORTS = [...REPO_SORTS, ...REPO_SORTS.map((s) => `-${s}` as const)] as const;
const flag = z.enum(["true", "false"]);
const score = z.number().nullable();

export const GET = apiListRoute(
  {
    method: "GET",
    path: "/api/v1/orgs/{org}/repos",
    summary: "An organisation's scored repositories, filtered, sorted and paged",
    description:
      "The overview's repository table (filtered, sorted and paged in the database). Archived and empty repositories are left out unless `archived=true` / `empty=true`.",
    tags: ["repositories"],
    params: z.object({ org: Segment }).strict(),
    query: z
      .object({
        failing: z
          .string()
          .refine((id) => checkById(id) !== undefined, "no such check")
          .optional()
          .meta({ description: "A check id: only repositories failing it at repository level" }),
        grade: GradeSchema.optional(),
        q: z.string().max(100).optional().meta({ description: "Part of the repository name" }),
        severity: z
          .enum(["critical", "high", "medium", "low"])
          .optional()
          .meta({ description: "Repositories with a failing finding of this severity or worse" }),
        category: z.enum(["identity", "secrets", "supplyChain", "integrity", "changeControl"]).optional(),
        min: z.coerce.number().min(0).max(100).optional().meta({ description: "With `category`" }),
        max: z.coerce.number().min(0).max(100).optional().meta({ description: "With `category`" }),
        owner: z.string().max(140).optional().meta({ description: "A CODEOWNERS team or user" }),
        visibility: z.enum(["public", "private", "internal"]).optional(),
        critical: flag.optional(),
        production: flag.optional().meta({ description: "Has a production environment" }),
        archived: flag.optional(),
        empty: flag.optional(),
        sort: z.enum(SORTS).optional().meta({
          description: "Default `overall` (worst first); a leading `-` reverses the default direction",
        }),
        page: z.coerce.number().int().min(1).max(10_000).optional(),
        pageSize: z.coerce.number().int().min(1).max(200).optional(),
      })
      .strict(),
    response: z.object({
      fullName: z.string(),
      overall: score,
      grade: GradeSchema.nullable(),
      identity: score,
      secrets: score,
      supplyChain: score,
      integrity: score,
      changeControl: score,
      coverage: z.number(),
      failingCritical: z.number().int(),
      failingHigh: z.number().int(),
      archived: z.boolean(),
      visibility: z.string().nullable(),
      empty: z.boolean(),
      critical: z.boolean(),
      hasProductionEnvironment: z.boolean(),
    }),
  },
  async ({ actor, params, query }) => {
    const org = await getOrganization(actor, { login: params.org });
    const { sort, ...filters } = query;
    // A leading "-" reverses the verb's default direction (worst first; names A–Z; most critical first).
    const base = sort?.replace(/^-/, "");
    const order = sort?.startsWith("-")
      ? { sort: base, dir: base === "failingCritical" ? "asc" : "desc" }
      : { sort: base };
    const { items, ...page } = await listRepos(actor, { ...filters, ...order, organizationId: org.id });
    return {
      items: items.map(({ name: _name, ...r }) => ({
        ...r,
        grade: r.grade as z.infer<typeof GradeSchema> | null,
      })),
      ...page,
    };
  },
);
