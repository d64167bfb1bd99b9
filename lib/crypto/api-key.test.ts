import { describe, expect, it } from "vitest";
import { bearerKey, generateApiKey, hashApiKey, looksLikeApiKey, parseDuration } from "./api-key";

describe("API key material", () => {
  it("has a recognisable prefix, 256 random bits and a SHA-256 hash", () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a.key).toMatch(/^ghk_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.key.slice(4), "base64url")).toHaveLength(32);
    expect(a.key).not.toBe(b.key);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).toBe(hashApiKey(a.key));
    expect(a.hash).not.toContain(a.key.slice(4, 20));
    expect(a.prefix).toBe(a.key.slice(0, 12));
  });

  it("recognises only well-formed keys", () => {
    const { key } = generateApiKey();
    expect(looksLikeApiKey(key)).toBe(true);
    expect(looksLikeApiKey(key.slice(0, -1))).toBe(false);
    expect(looksLikeApiKey(`ghp_${key.slice(4)}`)).toBe(false);
    expect(looksLikeApiKey(`${key.slice(0, -1)}!`)).toBe(false);
  });

  it("reads the bearer token from an Authorization header", () => {
    expect(bearerKey("Bearer ghk_abc")).toBe("ghk_abc");
    expect(bearerKey("bearer  ghk_abc ")).toBe("ghk_abc");
    expect(bearerKey("Basic Z2g6aw==")).toBeNull();
    expect(bearerKey("Bearer")).toBeNull();
    expect(bearerKey(null)).toBeNull();
  });

  it("parses expiry durations", () => {
    expect(parseDuration("30d")).toBe(30 * 86_400_000);
    expect(parseDuration("12h")).toBe(12 * 3_600_000);
    expect(parseDuration("2w")).toBe(14 * 86_400_000);
    for (const bad of ["0d", "30", "d", "1.5d", "-1d", "30m", "99999d"])
      expect(parseDuration(bad)).toBeNull();
  });
});
