import "server-only";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { readEvidencePublicKey } from "../internal/evidence-signing-key";

/** The evidence page shows the key packs are signed with, so auditors can pin it. */
export async function getEvidencePublicKey(actor: Actor | null) {
  await authorize(actor, "dashboard:read");
  return readEvidencePublicKey();
}
