import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { encrypt } from "./aead";
import { isWrappedBy, keyId, openEnvelope, rewrapEnvelope, sealEnvelope } from "./envelope";

const oldKey = randomBytes(32);
const newKey = randomBytes(32);

describe("envelope encryption (property: credentials are sealed by envelope)", () => {
  it("seals with a fresh data key per record and opens with the master key", () => {
    const a = sealEnvelope("ghp_token", "conn_1:secret", oldKey);
    const b = sealEnvelope("ghp_token", "conn_1:secret", oldKey);
    expect(a).not.toContain("ghp_token");
    expect(a.split(":")[2]).not.toBe(b.split(":")[2]); // different wrapped data keys
    expect(a.split(":")[1]).toBe(keyId(oldKey));
    expect(openEnvelope(a, "conn_1:secret", oldKey)).toBe("ghp_token");
  });

  it("binds the record id: a value copied to another record does not open", () => {
    const sealed = sealEnvelope("ghp_token", "conn_1:secret", oldKey);
    expect(() => openEnvelope(sealed, "conn_2:secret", oldKey)).toThrow(/authentication/);
    expect(() => openEnvelope(sealed, "conn_1:webhook", oldKey)).toThrow(/authentication/);
  });

  it("refuses the wrong master key without saying which part failed", () => {
    const sealed = sealEnvelope("x", "r", oldKey);
    expect(() => openEnvelope(sealed, "r", newKey)).toThrow(/not configured/);
  });

  it("re-wraps only the data key on rotation; the sealed secret is unchanged", () => {
    const sealed = sealEnvelope("private key", "r", oldKey);
    const rotated = rewrapEnvelope(sealed, "r", [oldKey], newKey);
    expect(rotated.split(":")[3]).toBe(sealed.split(":")[3]);
    expect(isWrappedBy(rotated, newKey)).toBe(true);
    expect(openEnvelope(rotated, "r", newKey)).toBe("private key");
    expect(() => openEnvelope(rotated, "r", oldKey)).toThrow();
    // while rotating, both keys may be configured
    expect(openEnvelope(sealed, "r", [newKey, oldKey])).toBe("private key");
  });

  it("opens legacy values sealed straight under the master key, and rotation upgrades them", () => {
    const legacy = encrypt("legacy token", "r", oldKey);
    expect(openEnvelope(legacy, "r", oldKey)).toBe("legacy token");
    const upgraded = rewrapEnvelope(legacy, "r", [oldKey], newKey);
    expect(upgraded.startsWith("v2:")).toBe(true);
    expect(openEnvelope(upgraded, "r", newKey)).toBe("legacy token");
  });
});
