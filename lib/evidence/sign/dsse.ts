// DSSE envelopes (github.com/secure-systems-lab/dsse, protocol v1) over Ed25519. The
// signature covers the PAE encoding of payload type and payload, never the raw JSON, so
// a payload cannot be re-labelled as another type. PAE comes from @sigstore/core.
import { createHash, createPublicKey, sign as edSign, verify as edVerify, type KeyObject } from "node:crypto";
import { dsse } from "@sigstore/core";
import { z } from "zod";

// Strict base64: Node's decoder skips characters it does not know, so a flipped "=" would
// otherwise decode to the same bytes.
const base64 = z
  .string()
  .min(4)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/)
  .refine((s) => s.length % 4 === 0);

export const envelopeSchema = z.strictObject({
  payloadType: z.string().min(1),
  payload: base64,
  signatures: z.array(z.strictObject({ keyid: z.string(), sig: base64 })).min(1),
});
export type Envelope = z.infer<typeof envelopeSchema>;

/** Signs with a private key held elsewhere (the instance key lives in lib/server). */
export interface Signer {
  keyId: string;
  publicKeyPem: string;
  sign(data: Buffer): Buffer;
}

/** The key id is the SHA-256 of the public key's SubjectPublicKeyInfo DER, in hex. */
export function keyIdOf(publicKey: KeyObject | string): string {
  const key = typeof publicKey === "string" ? createPublicKey(publicKey) : publicKey;
  return createHash("sha256")
    .update(key.export({ type: "spki", format: "der" }))
    .digest("hex");
}

export function ed25519Signer(privateKey: KeyObject): Signer {
  const publicKey = createPublicKey(privateKey);
  return {
    keyId: keyIdOf(publicKey),
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    sign: (data) => edSign(null, data, privateKey),
  };
}

export function signEnvelope(payloadType: string, payload: Buffer, signer: Signer): Envelope {
  const sig = signer.sign(dsse.preAuthEncoding(payloadType, payload));
  return {
    payloadType,
    payload: payload.toString("base64"),
    signatures: [{ keyid: signer.keyId, sig: sig.toString("base64") }],
  };
}

export type EnvelopeVerdict = { ok: true; payload: Buffer } | { ok: false; reason: string };

/** True only when a signature by exactly this key verifies over PAE(type, payload). */
export function verifyEnvelope(raw: unknown, publicKeyPem: string, payloadType: string): EnvelopeVerdict {
  const parsed = envelopeSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "not a DSSE envelope" };
  const env = parsed.data;
  if (env.payloadType !== payloadType) return { ok: false, reason: `payload type is ${env.payloadType}` };
  let key: KeyObject;
  try {
    key = createPublicKey(publicKeyPem);
  } catch {
    return { ok: false, reason: "the public key cannot be read" };
  }
  if (key.asymmetricKeyType !== "ed25519") return { ok: false, reason: "the public key is not Ed25519" };
  const payload = Buffer.from(env.payload, "base64");
  const pae = dsse.preAuthEncoding(payloadType, payload);
  const keyid = keyIdOf(key);
  const good = env.signatures.some(
    (s) => (s.keyid === "" || s.keyid === keyid) && edVerify(null, pae, key, Buffer.from(s.sig, "base64")),
  );
  return good ? { ok: true, payload } : { ok: false, reason: "no signature by this key verifies" };
}
