import "server-only";
import { getDb } from "../../db";
import { GENESIS_HASH, verifyChain, type ChainVerdict } from "../../audit/chain";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";

const BATCH = 1000;

/** Walks the whole log in sequence order, in batches, and reports the first broken entry. */
export async function verifyAuditChain(actor: Actor | null): Promise<ChainVerdict> {
  await authorize(actor, "audit:read");
  const db = getDb();
  let after = BigInt(0);
  let verdict: ChainVerdict = { ok: true, checked: 0, lastHash: GENESIS_HASH };
  for (;;) {
    const rows = await db.auditLogEntry.findMany({
      where: { seq: { gt: after } },
      orderBy: { seq: "asc" },
      take: BATCH,
    });
    if (rows.length === 0) return verdict;
    const entries = rows.map((r) => ({
      ...r,
      occurredAt: r.occurredAt.toISOString(),
      details: r.details as Record<string, unknown>,
    }));
    verdict = verifyChain(entries, verdict.lastHash, verdict.checked);
    if (!verdict.ok) return verdict;
    after = rows[rows.length - 1]!.seq;
  }
}
