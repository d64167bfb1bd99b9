import "server-only";
import { getDb } from "../../db";
import { authorize } from "../authz/authorize";
import { refuseOrgScoped } from "../internal/org-scope";
import type { Actor } from "../authz/actor";
import { PACK_VIEW } from "./get-evidence-pack";

/** The latest exports, newest first, for the evidence page. */
export async function listEvidencePacks(actor: Actor | null, now: Date = new Date()) {
  const who = await authorize(actor, "evidence:export");
  refuseOrgScoped(who, "An evidence pack");
  const rows = await getDb().evidencePack.findMany({
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
