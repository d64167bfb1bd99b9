// Signed checkpoints of the audit chain's head (pure). A checkpoint says "at `at`, entry
// `seq` had hash `hash`", signed with HMAC-SHA256 under GATEHOUSE_AUDIT_KEY (a separate
// domain from entry MACs). Checkpoints are stored in their own append-only table AND
// written to the log output, so a copy lives outside the database: deleting the newest
// entries (which leaves a perfectly valid, shorter chain) is caught because the chain no
// longer reaches, or no longer matches, the last checkpoint.
import { createHmac, timingSafeEqual } from "node:crypto";

export interface AuditCheckpoint {
  seq: bigint | number | string;
  hash: string;
  at: string; // ISO-8601 UTC
  signature: string;
}

function payload(c: Omit<AuditCheckpoint, "signature">): string {
  return `gatehouse-audit-checkpoint\nv1\n${String(c.seq)}\n${c.hash}\n${c.at}`;
}

export function signCheckpoint(key: Buffer, c: Omit<AuditCheckpoint, "signature">): AuditCheckpoint {
  const signature = createHmac("sha256", key).update(payload(c)).digest("hex");
  return { seq: String(c.seq), hash: c.hash, at: c.at, signature };
}

export function checkpointSignatureValid(key: Buffer, c: AuditCheckpoint): boolean {
  const expected = Buffer.from(signCheckpoint(key, c).signature, "hex");
  const given = Buffer.from(c.signature, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export type CheckpointVerdict =
  | { ok: true; checked: number }
  | {
      ok: false;
      seq: string;
      reason: "bad-signature" | "entry-missing" | "hash-mismatch";
    };

/**
 * Checks checkpoints against a verified chain. `hashAt(seq)` returns the stored hash of
 * entry `seq`, or undefined when the chain has no such entry (deleted or truncated).
 */
export function verifyCheckpoints(
  key: Buffer,
  checkpoints: Iterable<AuditCheckpoint>,
  hashAt: (seq: string) => string | undefined,
): CheckpointVerdict {
  let checked = 0;
  for (const c of checkpoints) {
    const seq = String(c.seq);
    if (!checkpointSignatureValid(key, c)) return { ok: false, seq, reason: "bad-signature" };
    const hash = hashAt(seq);
    if (hash === undefined) return { ok: false, seq, reason: "entry-missing" };
    if (hash !== c.hash) return { ok: false, seq, reason: "hash-mismatch" };
    checked++;
  }
  return { ok: true, checked };
}

/** Appends write a checkpoint after every this many entries. */
export const CHECKPOINT_EVERY = 100;

export function isCheckpointDue(seq: bigint): boolean {
  return seq % BigInt(CHECKPOINT_EVERY) === BigInt(0);
}
