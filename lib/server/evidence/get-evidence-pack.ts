import "server-only";
import { z } from "zod";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { authorize } from "../authz/authorize";
import { packScopeWhere } from "../internal/org-scope-records";
import type { Actor } from "../authz/actor";

const input = z.object({ id: z.string().min(1).max(64) });

export const PACK_VIEW = {
  id: true,
  framework: true,
  asOf: true,
  scope: true,
  status: true,
  step: true,
  progressDone: true,
  progressTotal: true,
  repoCount: true,
  keyId: true,
  sha256: true,
  sizeBytes: true,
  errorMessage: true,
  createdAt: true,
  finishedAt: true,
  expiresAt: true,
} as const;

/** Status and progress of one export (the page polls it; so will the API). */
export async function getEvidencePack(actor: Actor | null, raw: unknown, now: Date = new Date()) {
  const who = await authorize(actor, "evidence:export");
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw new AppError("not_found", "No such evidence pack.");
  const db = getDb();
  // Another organisation's pack answers like a missing one.
  const pack = await db.evidencePack.findFirst({
    where: { id: parsed.data.id, ...(await packScopeWhere(db, who)) },
    select: PACK_VIEW,
  });
  if (!pack) throw new AppError("not_found", "No such evidence pack.");
  const expired = pack.expiresAt !== null && pack.expiresAt <= now;
  return {
    ...pack,
    sizeBytes: pack.sizeBytes === null ? null : Number(pack.sizeBytes),
    expired,
    progress:
      pack.status === "succeeded" ? 1 : pack.progressTotal ? pack.progressDone / pack.progressTotal : 0,
  };
}
