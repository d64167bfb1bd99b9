import { z } from "zod";

// Schemas shared by several /api/v1 routes. `id` makes each a named OpenAPI component.
export const GradeSchema = z.enum(["A", "B", "C", "D", "F"]).meta({ id: "Grade" });

const category = (what: string) =>
  z
    .number()
    .nullable()
    .meta({ description: `${what} score, 0–100; null when no check of the category applied` });

export const ScoreSchema = z
  .object({
    overall: z
      .number()
      .nullable()
      .meta({ description: "Weighted score, 0–100; null when nothing was scorable" }),
    grade: GradeSchema.nullable(),
    identity: category("Identity & access"),
    secrets: category("Secrets"),
    supplyChain: category("Supply chain"),
    integrity: category("Build & release integrity"),
    changeControl: category("Change control"),
    coverage: z.number().nullable().meta({
      description: "Share of applicable checks with a known result, 0–1 (unknown never counts as pass)",
    }),
  })
  .meta({ id: "Score" });

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum([
        "unauthenticated",
        "forbidden",
        "not_found",
        "conflict",
        "invalid",
        "rate_limited",
        "internal",
      ]),
      message: z.string(),
    }),
  })
  .meta({ id: "Error" });

/** A GitHub login or repository name as a path segment (GitHub's own character set). */
export const Segment = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9._-]+$/);

export const isoDate = () => z.iso.datetime({ offset: true });
