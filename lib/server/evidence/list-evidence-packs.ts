import "server-only";
import { getDb } from "../../db";
import { authorize } from "../authz/authorize";
import { packScopeWhere } from "../internal/org-scope-records";
import type { Actor } from "../authz/actor";
import { PACK_VIEW } from "./get-evidence-pack";

/** The latest exports the actor may see (their organisations'), newest first, for the evidence page. */
export async function listEvidencePacks(actor: Actor | null, now: Date = new Date()) {
  const who = await authorize(actor, "evidence:export");
  const db = getDb();
  const rows = await db.evidencePack.findMany({
    where: await packScopeWhere(db, who),
    orderBy: { createdAt: "desc" },
    take: 20,
    select: PACK_VIEW,
  });
  return rows.map((p) => ({
    ...p,
    sizeBytes: p.sizeBytes === null ? null : Number(p.sizeBytes),
    expired: p.expiresAt !== null && p.expiresAt <= now,
  }));
}
