import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DecryptionError, decrypt, encrypt, keyFromEnv, parseKey } from "./aead";

const key = randomBytes(32);

describe("aead", () => {
  it("round-trips text bound to its record id", () => {
    const sealed = encrypt("ghp_secret-token", "conn_1", key);
    expect(sealed).not.toContain("ghp_secret");
    expect(decrypt(sealed, "conn_1", key)).toBe("ghp_secret-token");
  });

  it("uses a fresh IV each time", () => {
    expect(encrypt("x", "a", key)).not.toBe(encrypt("x", "a", key));
  });

  it("rejects a tampered ciphertext", () => {
    const sealed = encrypt("private key material", "conn_1", key);
    const [v, iv, tag, body] = sealed.split(".") as [string, string, string, string];
    const bytes = Buffer.from(body, "base64url");
    bytes[0] = bytes[0]! ^ 0x01;
    const tampered = [v, iv, tag, bytes.toString("base64url")].join(".");
    expect(() => decrypt(tampered, "conn_1", key)).toThrow(DecryptionError);
  });

  it("rejects a tampered tag", () => {
    const sealed = encrypt("x", "conn_1", key);
    const parts = sealed.split(".");
    const tag = Buffer.from(parts[2]!, "base64url");
    tag[3] = tag[3]! ^ 0xff;
    parts[2] = tag.toString("base64url");
    expect(() => decrypt(parts.join("."), "conn_1", key)).toThrow(DecryptionError);
  });

  it("rejects the wrong associated data (ciphertext moved to another record)", () => {
    const sealed = encrypt("token", "conn_1", key);
    expect(() => decrypt(sealed, "conn_2", key)).toThrow(DecryptionError);
  });

  it("rejects the wrong key", () => {
    const sealed = encrypt("token", "conn_1", key);
    expect(() => decrypt(sealed, "conn_1", randomBytes(32))).toThrow(DecryptionError);
  });

  it("rejects malformed input", () => {
    expect(() => decrypt("v2.a.b.c", "x", key)).toThrow(DecryptionError);
    expect(() => decrypt("garbage", "x", key)).toThrow(DecryptionError);
  });

  it("validates the key from the environment without echoing it", () => {
    const good = randomBytes(32).toString("base64");
    expect(keyFromEnv({ GATEHOUSE_ENCRYPTION_KEY: good }).length).toBe(32);
    expect(() => keyFromEnv({})).toThrow(/not set/);
    const short = randomBytes(16).toString("base64");
    expect(() => parseKey(short)).toThrow(/32 bytes/);
    try {
      parseKey(short);
    } catch (e) {
      expect(String(e)).not.toContain(short);
    }
  });
});
