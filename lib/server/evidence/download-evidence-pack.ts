import "server-only";
import { z } from "zod";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { authorize } from "../authz/authorize";
import { packScopeWhere } from "../internal/org-scope-records";
import type { Actor } from "../authz/actor";
import { appendAuditEntry } from "../internal/append-audit-entry";
import { packChunkStream } from "../internal/evidence-pack-store";

const input = z.object({ id: z.string().min(1).max(64) });

/** The zip of a finished, unexpired pack as a stream; every download is audited. */
export async function downloadEvidencePack(actor: Actor | null, raw: unknown, now: Date = new Date()) {
  const who = await authorize(actor, "evidence:export");
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw new AppError("not_found", "No such evidence pack.");
  const db = getDb();
  // Another organisation's pack answers like a missing one.
  const pack = await db.evidencePack.findFirst({
    where: { id: parsed.data.id, ...(await packScopeWhere(db, who)) },
  });
  if (!pack) throw new AppError("not_found", "No such evidence pack.");
  if (pack.status !== "succeeded") throw new AppError("conflict", `The pack is ${pack.status}, not ready.`);
  if (pack.expiresAt && pack.expiresAt <= now)
    throw new AppError("conflict", "The pack has expired; export it again.");
  await appendAuditEntry(who, {
    action: "evidence.downloaded",
    targetType: "evidence_pack",
    targetId: pack.id,
    details: { framework: pack.framework, asOf: pack.asOf.toISOString(), sha256: pack.sha256 },
  });
  return {
    filename: `gatehouse-${pack.framework}-${pack.asOf.toISOString().slice(0, 10)}-${pack.id}.zip`,
    sha256: pack.sha256,
    sizeBytes: pack.sizeBytes === null ? null : Number(pack.sizeBytes),
    stream: packChunkStream(pack.id),
  };
}
