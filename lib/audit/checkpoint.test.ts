import { describe, expect, it } from "vitest";
import { checkpointSignatureValid, isCheckpointDue, signCheckpoint, verifyCheckpoints } from "./checkpoint";

const key = Buffer.alloc(32, 3);
const at = "2026-12-05T12:00:00.000Z";

describe("signed audit checkpoints", () => {
  const cp = signCheckpoint(key, { seq: BigInt(42), hash: "a".repeat(64), at });

  it("signs seq, hash and time; any change or another key invalidates it", () => {
    expect(checkpointSignatureValid(key, cp)).toBe(true);
    expect(checkpointSignatureValid(key, { ...cp, seq: "43" })).toBe(false);
    expect(checkpointSignatureValid(key, { ...cp, hash: "b".repeat(64) })).toBe(false);
    expect(checkpointSignatureValid(key, { ...cp, at: "2027-01-01T00:00:00.000Z" })).toBe(false);
    expect(checkpointSignatureValid(Buffer.alloc(32, 4), cp)).toBe(false);
    expect(checkpointSignatureValid(key, { ...cp, signature: "zz" })).toBe(false);
  });

  it("property: truncating the newest entries is detected against the last checkpoint", () => {
    const chain = new Map([["42", "a".repeat(64)]]);
    expect(verifyCheckpoints(key, [cp], (s) => chain.get(s))).toEqual({ ok: true, checked: 1 });
    expect(verifyCheckpoints(key, [cp], () => undefined)).toEqual({
      ok: false,
      seq: "42",
      reason: "entry-missing",
    });
    expect(verifyCheckpoints(key, [cp], () => "c".repeat(64))).toMatchObject({ reason: "hash-mismatch" });
    expect(verifyCheckpoints(key, [{ ...cp, hash: "c".repeat(64) }], () => "c".repeat(64))).toMatchObject({
      reason: "bad-signature",
    });
  });

  it("is due every CHECKPOINT_EVERY entries", () => {
    expect(isCheckpointDue(BigInt(100))).toBe(true);
    expect(isCheckpointDue(BigInt(101))).toBe(false);
  });
});
