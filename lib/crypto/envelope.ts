// Envelope encryption for credentials at rest [ASVS 11.3.3, 13.3.1]. Each record gets a
// fresh random 256-bit data key; the secret is sealed under the data key and the data
// key is sealed ("wrapped") under the master key (GATEHOUSE_ENCRYPTION_KEY), both with
// AES-256-GCM and the record's id as associated data. Rotating the master key therefore
// re-wraps 32-byte data keys without touching the sealed secrets, and the master key
// never encrypts attacker-influenced data directly.
//
// Format: `v2:<master key id>:<wrapped data key>:<sealed secret>` where the last two are
// lib/crypto/aead.ts `v1.…` strings. Plain `v1.…` values (sealed directly under the
// master key before envelopes) still open, and rotation upgrades them.
import { createHash, randomBytes } from "node:crypto";
import { DecryptionError, decrypt, encrypt } from "./aead";

const VERSION = "v2";

/** A short, non-secret fingerprint naming which master key wrapped a record. */
export function keyId(master: Buffer): string {
  return createHash("sha256").update("gatehouse-master-key-id\n").update(master).digest("hex").slice(0, 16);
}

const dekAad = (aad: string) => `data-key:${aad}`;

export function sealEnvelope(plaintext: string, aad: string, master: Buffer): string {
  const dek = randomBytes(32);
  const body = encrypt(plaintext, aad, dek);
  return wrap(dek, body, aad, master);
}

function wrap(dek: Buffer, body: string, aad: string, master: Buffer): string {
  const wrapped = encrypt(dek.toString("base64"), dekAad(aad), master);
  return [VERSION, keyId(master), wrapped, body].join(":");
}

interface Parsed {
  kid: string;
  wrapped: string;
  body: string;
}

function parse(sealed: string): Parsed | null {
  const parts = sealed.split(":");
  if (parts.length !== 4 || parts[0] !== VERSION) return null;
  const [, kid, wrapped, body] = parts as [string, string, string, string];
  return { kid, wrapped, body };
}

function unwrap(p: Parsed, aad: string, masters: readonly Buffer[]): Buffer {
  const master = masters.find((m) => keyId(m) === p.kid);
  if (!master) throw new DecryptionError("sealed under a master key that is not configured");
  const dek = Buffer.from(decrypt(p.wrapped, dekAad(aad), master), "base64");
  if (dek.length !== 32) throw new DecryptionError("malformed data key");
  return dek;
}

/** Opens a sealed value with whichever of `masters` wrapped it (current first, then previous). */
export function openEnvelope(sealed: string, aad: string, masters: Buffer | readonly Buffer[]): string {
  const keys = Buffer.isBuffer(masters) ? [masters] : masters;
  const p = parse(sealed);
  if (p) return decrypt(p.body, aad, unwrap(p, aad, keys));
  // Legacy v1: sealed straight under a master key.
  for (const k of keys) {
    try {
      return decrypt(sealed, aad, k);
    } catch {
      // try the next key
    }
  }
  throw new DecryptionError("ciphertext failed authentication");
}

/** True when the value is an envelope wrapped by exactly this master key. */
export function isWrappedBy(sealed: string, master: Buffer): boolean {
  return parse(sealed)?.kid === keyId(master);
}

/**
 * Re-wraps a sealed value under `to`: envelopes keep their data key and sealed secret (only
 * the wrapped data key changes); legacy v1 values are opened and sealed as envelopes.
 */
export function rewrapEnvelope(sealed: string, aad: string, from: readonly Buffer[], to: Buffer): string {
  const p = parse(sealed);
  if (!p) return sealEnvelope(openEnvelope(sealed, aad, from), aad, to);
  return wrap(unwrap(p, aad, [to, ...from]), p.body, aad, to);
}
