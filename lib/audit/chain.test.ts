import { describe, expect, it } from "vitest";
import { GENESIS_HASH, hashEntry, verifyChain, type AuditContent, type ChainedEntry } from "./chain";

function content(i: number, extra: Partial<AuditContent> = {}): AuditContent {
  return {
    occurredAt: new Date(Date.UTC(2026, 10, 21, 12, 0, i)).toISOString(),
    actorId: `u${i}`,
    actorLogin: `user${i}`,
    action: "auth.sign_in",
    targetType: null,
    targetId: null,
    ip: "127.0.0.1",
    userAgent: "test",
    details: { b: 2, a: [1, { z: true, y: null }] },
    ...extra,
  };
}

function chain(n: number): ChainedEntry[] {
  const out: ChainedEntry[] = [];
  let prev = GENESIS_HASH;
  for (let i = 0; i < n; i++) {
    const c = content(i);
    const hash = hashEntry(prev, c);
    out.push({ ...c, seq: i + 1, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe("audit hash chain", () => {
  it("accepts an intact chain and reports its length and head", () => {
    const entries = chain(5);
    expect(verifyChain(entries)).toEqual({ ok: true, checked: 5, lastHash: entries[4]!.hash });
  });

  it("hashes independently of JSON key order", () => {
    const a = content(1, { details: { x: 1, y: { q: 1, p: 2 } } });
    const b = content(1, { details: { y: { p: 2, q: 1 }, x: 1 } });
    expect(hashEntry(GENESIS_HASH, a)).toBe(hashEntry(GENESIS_HASH, b));
  });

  it("names the first entry whose content was edited", () => {
    const entries = chain(5);
    entries[2] = { ...entries[2]!, actorLogin: "mallory" };
    expect(verifyChain(entries)).toEqual({ ok: false, checked: 2, brokenSeq: "3", reason: "hash-mismatch" });
  });

  it("names the entry after a deleted one", () => {
    const entries = chain(5);
    entries.splice(1, 1);
    expect(verifyChain(entries)).toMatchObject({ ok: false, brokenSeq: "3", reason: "prev-hash-mismatch" });
  });

  it("detects a rehashed forgery because the next entry still points at the old hash", () => {
    const entries = chain(4);
    const forged = content(1, { action: "role.changed" });
    entries[1] = { ...entries[1]!, ...forged, hash: hashEntry(entries[1]!.prevHash, forged) };
    expect(verifyChain(entries)).toMatchObject({ ok: false, brokenSeq: "3", reason: "prev-hash-mismatch" });
  });

  it("continues across batches from a given head", () => {
    const entries = chain(6);
    const first = verifyChain(entries.slice(0, 3));
    if (!first.ok) throw new Error("first batch should verify");
    expect(verifyChain(entries.slice(3), first.lastHash, first.checked)).toEqual({
      ok: true,
      checked: 6,
      lastHash: entries[5]!.hash,
    });
  });
});
