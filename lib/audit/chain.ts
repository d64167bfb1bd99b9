// The audit log's hash chain (pure). Each entry stores
//   hash = SHA-256(prevHash + "\n" + canonical JSON of its content)
// where canonical JSON is RFC 8785 (JCS), so the hash does not depend on key order or
// on how a database returns JSON. Editing, deleting or reordering any entry breaks the
// chain from that entry on, and verifyChain names the first broken one.
import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

export const GENESIS_HASH = "0".repeat(64);

export interface AuditContent {
  occurredAt: string; // ISO-8601 UTC with milliseconds
  actorId: string | null;
  actorLogin: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  userAgent: string | null;
  details: Record<string, unknown>;
}

export interface ChainedEntry extends AuditContent {
  seq: bigint | number | string;
  prevHash: string;
  hash: string;
}

export function hashEntry(prevHash: string, content: AuditContent): string {
  const canonical = canonicalize({
    occurredAt: content.occurredAt,
    actorId: content.actorId,
    actorLogin: content.actorLogin,
    action: content.action,
    targetType: content.targetType,
    targetId: content.targetId,
    ip: content.ip,
    userAgent: content.userAgent,
    details: content.details,
  });
  if (canonical === undefined) throw new Error("audit content is not serialisable");
  return createHash("sha256").update(`${prevHash}\n${canonical}`).digest("hex");
}

export type ChainVerdict =
  | { ok: true; checked: number; lastHash: string }
  | { ok: false; checked: number; brokenSeq: string; reason: "prev-hash-mismatch" | "hash-mismatch" };

/** Verifies entries in sequence order, continuing from `prevHash` (for batched reads). */
export function verifyChain(
  entries: Iterable<ChainedEntry>,
  prevHash = GENESIS_HASH,
  checkedBefore = 0,
): ChainVerdict {
  let checked = checkedBefore;
  let expectedPrev = prevHash;
  for (const e of entries) {
    if (e.prevHash !== expectedPrev)
      return { ok: false, checked, brokenSeq: String(e.seq), reason: "prev-hash-mismatch" };
    if (hashEntry(e.prevHash, e) !== e.hash)
      return { ok: false, checked, brokenSeq: String(e.seq), reason: "hash-mismatch" };
    expectedPrev = e.hash;
    checked++;
  }
  return { ok: true, checked, lastHash: expectedPrev };
}
