import { z } from "zod";

// Query-string friendly: every field parses from a URL search parameter, so the page, the
// shared link and the REST API read one schema. Shared by list-repos and the page.
// Booleans arrive as strings from a URL and as booleans from code: accept both.
const bool = z.union([
  z.boolean(),
  z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1"),
]);
const csv = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess((v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v), z.array(item));

export const REPO_SORTS = [
  "overall",
  "name",
  "identity",
  "secrets",
  "supplyChain",
  "integrity",
  "changeControl",
  "coverage",
  "failingCritical",
] as const;

export const listReposInput = z
  .object({
    organizationId: z.string().min(1),
    q: z.string().trim().max(100).optional(),
    grade: csv(z.enum(["A", "B", "C", "D", "F"])).optional(),
    /** A check id failing at repository level. */
    failing: z
      .string()
      .regex(/^[a-z0-9-]{1,60}$/)
      .optional(),
    /** Repositories with at least one failing instance of this severity or worse. */
    severity: z.enum(["critical", "high", "medium", "low"]).optional(),
    category: z.enum(["identity", "secrets", "supplyChain", "integrity", "changeControl"]).optional(),
    min: z.coerce.number().min(0).max(100).optional(),
    max: z.coerce.number().min(0).max(100).optional(),
    /** A CODEOWNERS team or user ("@acme/platform"). */
    owner: z.string().trim().toLowerCase().max(140).optional(),
    visibility: z.enum(["public", "private", "internal"]).optional(),
    critical: bool.optional(),
    production: bool.optional(),
    /** Archived and empty repositories are left out unless asked for. */
    archived: bool.default(false),
    empty: bool.default(false),
    sort: z.enum(REPO_SORTS).default("overall"),
    dir: z.enum(["asc", "desc"]).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export type ListReposInput = z.input<typeof listReposInput>;
export type ListReposQuery = z.output<typeof listReposInput>;

export const repoListItem = z.object({
  fullName: z.string(),
  name: z.string(),
  overall: z.number().nullable(),
  grade: z.string().nullable(),
  identity: z.number().nullable(),
  secrets: z.number().nullable(),
  supplyChain: z.number().nullable(),
  integrity: z.number().nullable(),
  changeControl: z.number().nullable(),
  coverage: z.number(),
  failingCritical: z.number().int(),
  failingHigh: z.number().int(),
  archived: z.boolean(),
  visibility: z.string().nullable(),
  empty: z.boolean(),
  critical: z.boolean(),
  hasProductionEnvironment: z.boolean(),
});
export type RepoListItem = z.infer<typeof repoListItem>;
