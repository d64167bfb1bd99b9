import { createHash, randomBytes } from "node:crypto";

// API key material. A key is "ghk_" + 32 random bytes in base64url (256 bits), so it is
// recognisable in a leaked log or a secret scanner and far beyond guessing. Only its
// SHA-256 is stored: a fast hash is enough because the input is random, not a password.
export const API_KEY_PREFIX = "ghk_";
const BODY = /^[A-Za-z0-9_-]{43}$/;
/** Characters kept for display: the prefix and 8 more (48 bits), never enough to use. */
const DISPLAY_LENGTH = API_KEY_PREFIX.length + 8;

export interface NewApiKey {
  key: string;
  hash: string;
  prefix: string;
}

export function generateApiKey(): NewApiKey {
  const key = API_KEY_PREFIX + randomBytes(32).toString("base64url");
  return { key, hash: hashApiKey(key), prefix: key.slice(0, DISPLAY_LENGTH) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** A cheap shape check before any database lookup: wrong prefix or length is not a key. */
export function looksLikeApiKey(value: string): boolean {
  return value.startsWith(API_KEY_PREFIX) && BODY.test(value.slice(API_KEY_PREFIX.length));
}

/** The key from an `Authorization: Bearer <key>` header, or null. */
export function bearerKey(authorization: string | null): string | null {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization ?? "");
  return match?.[1] ?? null;
}

/** "30d", "12h", "2w" → milliseconds; null when malformed. */
export function parseDuration(text: string): number | null {
  const match = /^(\d{1,4})([hdw])$/.exec(text.trim());
  if (!match) return null;
  const hours = { h: 1, d: 24, w: 24 * 7 }[match[2] as "h" | "d" | "w"];
  const ms = Number(match[1]) * hours * 3_600_000;
  return ms > 0 ? ms : null;
}
