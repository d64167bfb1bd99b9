import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { z } from "zod";

// AES-256-GCM for credentials at rest. The record id is bound as associated data, so a
// ciphertext copied onto another row (or another column) fails to decrypt instead of
// silently handing one connection's token to another.

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class DecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DecryptionError";
  }
}

const keySchema = z
  .string({ error: "GATEHOUSE_ENCRYPTION_KEY is not set" })
  .transform((s) => Buffer.from(s, "base64"))
  .refine((b) => b.length === 32, "GATEHOUSE_ENCRYPTION_KEY must be 32 bytes, base64-encoded");

/** Parses a base64 32-byte key; throws with a message that never echoes the key. */
export function parseKey(base64: string | undefined): Buffer {
  const parsed = keySchema.safeParse(base64);
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "invalid encryption key");
  return parsed.data;
}

/** The process key, from GATEHOUSE_ENCRYPTION_KEY in the given environment. */
export function keyFromEnv(env: Record<string, string | undefined>): Buffer {
  return parseKey(env.GATEHOUSE_ENCRYPTION_KEY);
}

/** Returns `v1.<iv>.<tag>.<ciphertext>` (base64url parts). */
export function encrypt(plaintext: string, aad: string, key: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString("base64url"), tag.toString("base64url"), body.toString("base64url")].join(".");
}

export function decrypt(sealed: string, aad: string, key: Buffer): string {
  const parts = sealed.split(".");
  if (parts.length !== 4 || parts[0] !== VERSION) throw new DecryptionError("unrecognised ciphertext format");
  const [, ivB64, tagB64, bodyB64] = parts as [string, string, string, string];
  const iv = Buffer.from(ivB64, "base64url");
  const tag = Buffer.from(tagB64, "base64url");
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new DecryptionError("malformed ciphertext");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, "utf8"));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(bodyB64, "base64url")), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    // GCM reports every failure the same way; do not leak which part was wrong.
    throw new DecryptionError("ciphertext failed authentication");
  }
}
