import { describe, expect, it } from "vitest";
import {
  CHAIN_VERSION,
  GENESIS_HASH,
  hashEntry,
  macEntry,
  verifyChain,
  type AuditContent,
  type ChainedEntry,
} from "./chain";

const key = Buffer.alloc(32, 9);
const otherKey = Buffer.alloc(32, 4);

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

/** `legacy` unkeyed entries, then `keyed` keyed ones, numbered from 1 without holes. */
function chain(keyed: number, legacy = 0, k = key): ChainedEntry[] {
  const out: ChainedEntry[] = [];
  let prev = GENESIS_HASH;
  for (let i = 0; i < legacy + keyed; i++) {
    const c = content(i);
    const seq = BigInt(i + 1);
    const v1 = i < legacy;
    const hash = v1 ? hashEntry(prev, c) : macEntry(k, seq, prev, c);
    out.push({ ...c, seq, prevHash: prev, hash, chainVersion: v1 ? 1 : CHAIN_VERSION });
    prev = hash;
  }
  return out;
}

/** What an attacker with write access but without the key does: delete, then recompute. */
function rechain(entries: ChainedEntry[], k: Buffer): ChainedEntry[] {
  let prev = GENESIS_HASH;
  return entries.map((e) => {
    const hash = macEntry(k, BigInt(e.seq), prev, e);
    const out = { ...e, prevHash: prev, hash };
    prev = hash;
    return out;
  });
}

describe("audit hash chain", () => {
  it("accepts an intact keyed chain and reports its length and head", () => {
    const entries = chain(5);
    expect(verifyChain(entries, { key })).toEqual({
      ok: true,
      checked: 5,
      lastHash: entries[4]!.hash,
      lastSeq: "5",
      keyedFrom: "1",
    });
  });

  it("hashes independently of JSON key order", () => {
    const a = content(1, { details: { x: 1, y: { q: 1, p: 2 } } });
    const b = content(1, { details: { y: { p: 2, q: 1 }, x: 1 } });
    expect(macEntry(key, BigInt(1), GENESIS_HASH, a)).toBe(macEntry(key, BigInt(1), GENESIS_HASH, b));
  });

  it("names the first entry whose content was edited", () => {
    const entries = chain(5);
    entries[2] = { ...entries[2]!, actorLogin: "mallory" };
    expect(verifyChain(entries, { key })).toEqual({
      ok: false,
      checked: 2,
      brokenSeq: "3",
      reason: "hash-mismatch",
    });
  });

  it("property: a deleted entry is a sequence gap even when every later hash is recomputed", () => {
    const entries = chain(5);
    entries.splice(1, 1);
    // With the key (the strongest attacker): the chain links again, but seq 3 follows seq 1.
    expect(verifyChain(rechain(entries, key), { key })).toMatchObject({
      ok: false,
      brokenSeq: "3",
      reason: "seq-gap",
    });
  });

  it("property: a rewrite recomputed without the key does not verify", () => {
    const entries = chain(4);
    entries[1] = { ...entries[1]!, action: "role.changed" };
    const renumbered = rechain(entries, otherKey);
    expect(verifyChain(renumbered, { key })).toMatchObject({
      ok: false,
      brokenSeq: "1",
      reason: "hash-mismatch",
    });
    // …nor with the old unkeyed SHA-256 (downgrading every entry to version 1).
    let prev = GENESIS_HASH;
    const downgraded = entries.map((e) => {
      const hash = hashEntry(prev, e);
      const out = { ...e, prevHash: prev, hash, chainVersion: 1 };
      prev = hash;
      return out;
    });
    expect(verifyChain([...chain(1), ...downgraded.slice(1)], { key })).toMatchObject({
      ok: false,
      reason: "downgrade",
    });
  });

  it("renumbering entries (seq is covered by the MAC) breaks the chain", () => {
    const entries = chain(3).map((e) => ({ ...e, seq: BigInt(e.seq) + BigInt(10) }));
    expect(verifyChain(entries, { key })).toMatchObject({
      ok: false,
      brokenSeq: "11",
      reason: "hash-mismatch",
    });
  });

  it("verifies legacy unkeyed entries, then keyed entries chained onto them", () => {
    const entries = chain(3, 2);
    expect(verifyChain(entries, { key })).toMatchObject({ ok: true, checked: 5, keyedFrom: "3" });
    const edited = entries.map((e, i) => (i === 0 ? { ...e, action: "x" } : e));
    expect(verifyChain(edited, { key })).toMatchObject({
      ok: false,
      brokenSeq: "1",
      reason: "hash-mismatch",
    });
  });

  it("refuses an unknown chain version", () => {
    const entries = chain(2);
    entries[1] = { ...entries[1]!, chainVersion: 7 };
    expect(verifyChain(entries, { key })).toMatchObject({ ok: false, reason: "unknown-version" });
  });

  it("continues across batches from a given head", () => {
    const entries = chain(6);
    const first = verifyChain(entries.slice(0, 3), { key });
    if (!first.ok) throw new Error("first batch should verify");
    expect(verifyChain(entries.slice(3), { key, from: first })).toMatchObject({
      ok: true,
      checked: 6,
      lastHash: entries[5]!.hash,
    });
    const gap = verifyChain(entries.slice(4), { key, from: first });
    expect(gap).toMatchObject({ ok: false, brokenSeq: "5", reason: "seq-gap" });
  });
});
