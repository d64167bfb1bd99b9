import { z } from "zod";

/** An evidence pack's status as the API answers it. */
export const PackSchema = z.object({
  id: z.string(),
  framework: z.string(),
  asOf: z.string(),
  status: z.string(),
  step: z.string().nullable(),
  progressDone: z.number().int(),
  progressTotal: z.number().int(),
  repoCount: z.number().int().nullable(),
  sha256: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
  errorMessage: z.string().nullable(),
  createdAt: z.string(),
});

export function packView<T extends { asOf: Date; createdAt: Date; sizeBytes?: number | bigint | null }>(
  p: T,
) {
  return {
    ...p,
    asOf: p.asOf.toISOString(),
    createdAt: p.createdAt.toISOString(),
    sizeBytes: p.sizeBytes == null ? null : Number(p.sizeBytes),
  };
}
