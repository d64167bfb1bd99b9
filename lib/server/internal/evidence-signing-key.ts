import "server-only";
import { createPrivateKey, generateKeyPairSync } from "node:crypto";
import { decrypt, encrypt, parseKey } from "../../crypto/aead";
import { getDb } from "../../db";
import { getEnv } from "../../env";
import { ed25519Signer, keyIdOf, type Signer } from "../../evidence/sign/dsse";

// The row id doubles as the AEAD associated data: the sealed key only opens on its row.
const KEY_ROW = "instance";

/**
 * Internal (no authorisation): the instance's evidence-signing key, made on first use.
 * Two processes racing to make it both insert with ON CONFLICT DO NOTHING and then read
 * the one row that won, so an instance never has two keys.
 */
export async function loadOrCreateSigningKey(
  encryptionKey: Buffer = parseKey(getEnv().GATEHOUSE_ENCRYPTION_KEY),
) {
  const db = getDb();
  let row = await db.evidenceSigningKey.findUnique({ where: { id: KEY_ROW } });
  if (!row) {
    const { privateKey, publicKey } = generateKeyPairSync("ed25519");
    const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    await db.evidenceSigningKey.createMany({
      data: [
        {
          id: KEY_ROW,
          keyId: keyIdOf(publicKey),
          publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
          privateKeyCiphertext: encrypt(pem, KEY_ROW, encryptionKey),
        },
      ],
      skipDuplicates: true,
    });
    row = await db.evidenceSigningKey.findUniqueOrThrow({ where: { id: KEY_ROW } });
  }
  return row;
}

export async function loadSigner(encryptionKey?: Buffer): Promise<Signer> {
  const row = await loadOrCreateSigningKey(encryptionKey);
  const key = encryptionKey ?? parseKey(getEnv().GATEHOUSE_ENCRYPTION_KEY);
  return ed25519Signer(createPrivateKey(decrypt(row.privateKeyCiphertext, KEY_ROW, key)));
}

/** The public half only; safe to publish (the API serves it without sign-in). */
export async function readEvidencePublicKey(encryptionKey?: Buffer) {
  const row = await loadOrCreateSigningKey(encryptionKey);
  return { keyId: row.keyId, publicKeyPem: row.publicKeyPem, createdAt: row.createdAt };
}
