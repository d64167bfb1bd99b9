import "server-only";
import { z } from "zod";
import { getDb } from "../../db";
import { getAuditKey } from "../../env";
import { EMPTY_CHAIN, verifyChain, type ChainVerdict } from "../../audit/chain";
import { verifyCheckpoints, type AuditCheckpoint } from "../../audit/checkpoint";
import { listAuditCheckpoints } from "../internal/write-audit-checkpoint";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";

const BATCH = 1000;

const input = z.object({
  /** Checkpoints kept outside the database (from the log output or an earlier export). */
  checkpoints: z
    .array(
      z.object({
        seq: z.union([z.string().regex(/^\d{1,19}$/), z.number().int().nonnegative()]),
        hash: z.string().max(128),
        at: z.string().max(64),
        signature: z.string().max(128),
      }),
    )
    .max(100_000)
    .default([]),
});

/**
 * Walks the whole log in sequence order, in batches, and reports the first broken entry;
 * then checks every stored (and every supplied) signed checkpoint against the chain, so a
 * log whose newest entries were deleted is reported too.
 */
export async function verifyAuditChain(actor: Actor | null, raw: unknown = {}): Promise<ChainVerdict> {
  await authorize(actor, "audit:read");
  const { checkpoints: supplied } = input.parse(raw);
  const db = getDb();
  const key = getAuditKey();
  const checkpoints: AuditCheckpoint[] = [...(await listAuditCheckpoints(db)), ...supplied];
  const wanted = new Set(checkpoints.map((c) => String(c.seq)));
  const hashes = new Map<string, string>();
  let after = BigInt(0);
  let verdict: ChainVerdict = EMPTY_CHAIN;
  for (;;) {
    const rows = await db.auditLogEntry.findMany({
      where: { seq: { gt: after } },
      orderBy: { seq: "asc" },
      take: BATCH,
    });
    if (rows.length === 0) break;
    const entries = rows.map((r) => ({
      ...r,
      occurredAt: r.occurredAt.toISOString(),
      details: r.details as Record<string, unknown>,
    }));
    verdict = verifyChain(entries, { key, from: verdict });
    if (!verdict.ok) return verdict;
    for (const r of rows) if (wanted.has(r.seq.toString())) hashes.set(r.seq.toString(), r.hash);
    after = rows[rows.length - 1]!.seq;
  }
  const anchored = verifyCheckpoints(key, checkpoints, (seq) => hashes.get(seq));
  if (anchored.ok) return verdict;
  return {
    ok: false,
    checked: verdict.checked,
    brokenSeq: anchored.seq,
    reason: `checkpoint-${anchored.reason}`,
  };
}
