import "server-only";
import { z } from "zod";
import { FRAMEWORK_IDS } from "../../evidence/frameworks/schema";
import { scopeSchema } from "../../evidence/input";

/** An export request as pages, the API and the CLI send it. */
export const exportRequestSchema = z.object({
  framework: z.enum(FRAMEWORK_IDS),
  /** YYYY-MM-DD (end of that day, UTC) or a full timestamp; defaults to now. */
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(T.*)?$/)
    .transform((s) => new Date(s.length === 10 ? `${s}T23:59:59.999Z` : s))
    .refine((d) => !Number.isNaN(d.getTime()), "not a date")
    .optional(),
  scope: scopeSchema.default({ kind: "all" }),
});
export type ExportRequest = z.infer<typeof exportRequestSchema>;
