import "server-only";
import { z } from "zod";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { appendAuditEntry } from "../internal/append-audit-entry";

const input = z.object({ id: z.string().min(1) }).strict();

/** Stops a key on its next request. Revoking twice is a no-op, not an error. */
export async function revokeApiKey(actor: Actor | null, raw: unknown, now: Date = new Date()) {
  const who = await authorize(actor, "apikeys:manage");
  const { id } = input.parse(raw);
  return getDb().$transaction(async (tx) => {
    const key = await tx.apiKey.findUnique({
      where: { id },
      select: { name: true, prefix: true, revokedAt: true },
    });
    if (!key) throw new AppError("not_found", "No such API key.");
    if (key.revokedAt) return { revoked: false as const };
    await tx.apiKey.update({ where: { id }, data: { revokedAt: now, revokedById: who.userId } });
    await appendAuditEntry(
      who,
      {
        action: "api_key.revoked",
        targetType: "api_key",
        targetId: id,
        details: { name: key.name, prefix: key.prefix },
      },
      tx,
    );
    return { revoked: true as const };
  });
}
