// The audit log's hash chain (pure). Version 1 entries (before keying) store
//   hash = SHA-256(prevHash + "\n" + canonical JSON of its content)
// and version 2 entries store a keyed MAC that also covers the sequence number
//   hash = HMAC-SHA256(GATEHOUSE_AUDIT_KEY, "v2\n" + seq + "\n" + prevHash + "\n" + canonical JSON)
// where canonical JSON is RFC 8785 (JCS), so the hash does not depend on key order or
// on how a database returns JSON. An unkeyed chain can be recomputed by anyone who can
// write the table; a keyed one only by someone who also holds the key. From the first
// v2 entry on, sequence numbers must be consecutive (appends assign them under a lock),
// so a deleted entry is a gap even if every later MAC were recomputed, and a v1 entry
// after a v2 one is a downgrade. verifyChain names the first broken entry.
import { createHash, createHmac } from "node:crypto";
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
  /** 1: unkeyed SHA-256 (entries written before keying); 2: HMAC over seq and content. */
  chainVersion?: number;
}

export const CHAIN_VERSION = 2;

function canonicalContent(content: AuditContent): string {
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
  return canonical;
}

/** Version 1 (unkeyed); kept to verify entries written before the chain was keyed. */
export function hashEntry(prevHash: string, content: AuditContent): string {
  return createHash("sha256")
    .update(`${prevHash}\n${canonicalContent(content)}`)
    .digest("hex");
}

/** Version 2: keyed, and bound to the entry's sequence number. */
export function macEntry(key: Buffer, seq: bigint, prevHash: string, content: AuditContent): string {
  return createHmac("sha256", key)
    .update(`v2\n${seq}\n${prevHash}\n${canonicalContent(content)}`)
    .digest("hex");
}

export type ChainBreak =
  | "prev-hash-mismatch"
  | "hash-mismatch"
  | "seq-gap"
  | "downgrade"
  | "unknown-version"
  // Found by comparing against signed checkpoints (lib/audit/checkpoint.ts):
  | "checkpoint-bad-signature"
  | "checkpoint-entry-missing"
  | "checkpoint-hash-mismatch";

export type ChainVerdict =
  | { ok: true; checked: number; lastHash: string; lastSeq: string | null; keyedFrom: string | null }
  | { ok: false; checked: number; brokenSeq: string; reason: ChainBreak };

export interface VerifyOptions {
  key: Buffer;
  /** Continues a batched walk from the previous batch's verdict. */
  from?: Extract<ChainVerdict, { ok: true }>;
}

export const EMPTY_CHAIN: Extract<ChainVerdict, { ok: true }> = {
  ok: true,
  checked: 0,
  lastHash: GENESIS_HASH,
  lastSeq: null,
  keyedFrom: null,
};

/** Verifies entries in sequence order, continuing from `opts.from` (for batched reads). */
export function verifyChain(entries: Iterable<ChainedEntry>, opts: VerifyOptions): ChainVerdict {
  let { checked, lastHash, lastSeq, keyedFrom } = opts.from ?? EMPTY_CHAIN;
  for (const e of entries) {
    const seq = BigInt(e.seq);
    const version = e.chainVersion ?? 1;
    const broken = (reason: ChainBreak): ChainVerdict => ({
      ok: false,
      checked,
      brokenSeq: String(seq),
      reason,
    });
    if (version !== 1 && version !== CHAIN_VERSION) return broken("unknown-version");
    if (version === 1 && keyedFrom !== null) return broken("downgrade");
    // Keyed entries are numbered without holes, and the first one follows its predecessor.
    if (version === CHAIN_VERSION && lastSeq !== null && seq !== BigInt(lastSeq) + BigInt(1))
      return broken("seq-gap");
    if (e.prevHash !== lastHash) return broken("prev-hash-mismatch");
    const expected = version === 1 ? hashEntry(e.prevHash, e) : macEntry(opts.key, seq, e.prevHash, e);
    if (expected !== e.hash) return broken("hash-mismatch");
    if (version === CHAIN_VERSION) keyedFrom ??= String(seq);
    lastHash = e.hash;
    lastSeq = String(seq);
    checked++;
  }
  return { ok: true, checked, lastHash, lastSeq, keyedFrom };
}
