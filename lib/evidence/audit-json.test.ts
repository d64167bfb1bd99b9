import { describe, expect, it } from "vitest";
import { auditExtractJson } from "./audit-json";
import { packInputOf, type AuditExtract } from "./input";
import { sampleInput } from "./test-helpers";

async function streamed(extract: AuditExtract, pageSize: number): Promise<string> {
  let out = "";
  for await (const s of auditExtractJson(
    packInputOf(sampleInput({ auditExtract: extract }), pageSize).auditExtract,
  ))
    out += s;
  return out;
}

const entry = (seq: number): AuditExtract["entries"][number] => ({
  seq: String(seq),
  occurredAt: "2026-11-01T00:00:00.000Z",
  actorId: seq % 2 ? null : "u1",
  actorLogin: "lead",
  action: "policy.updated",
  targetType: "policy",
  targetId: String(seq),
  ip: null,
  userAgent: 'a\nb "quoted" ünïcode',
  details: seq % 3 ? {} : { nested: { list: [1, "two", null], empty: [], obj: {} }, text: "x\ny" },
  prevHash: "0".repeat(64),
  hash: "a".repeat(64),
});

describe("audit-log.json, streamed", () => {
  it.each([
    ["no entries", 0, 3],
    ["one entry", 1, 3],
    ["entries over several pages", 7, 3],
  ])("has the bytes of the whole extract's JSON (%s)", async (_, n, pageSize) => {
    const extract: AuditExtract = {
      from: null,
      to: "2026-12-01T00:00:00.000Z",
      chainVerified: n !== 1,
      checkpoints: [
        { seq: "1", hash: "a".repeat(64), occurredAt: "2026-11-01T00:00:00.000Z" },
        { seq: "2", hash: "b".repeat(64), occurredAt: "2026-11-02T00:00:00.000Z", signature: "sig" },
      ],
      entries: Array.from({ length: n }, (_, i) => entry(i + 1)),
    };
    expect(await streamed(extract, pageSize)).toBe(`${JSON.stringify(extract, null, 2)}\n`);
  });
});
