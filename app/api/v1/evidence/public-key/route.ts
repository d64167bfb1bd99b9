import { readEvidencePublicKey } from "@/lib/server/internal/evidence-signing-key";

export const dynamic = "force-dynamic";

/**
 * The instance's evidence-signing public key. Public on purpose (like a JWKS): anyone
 * holding a pack must be able to fetch the key to verify it. `?format=pem` for the bare PEM.
 */
export async function GET(request: Request) {
  const key = await readEvidencePublicKey();
  if (new URL(request.url).searchParams.get("format") === "pem")
    return new Response(key.publicKeyPem, {
      headers: { "content-type": "application/x-pem-file", "x-key-id": key.keyId },
    });
  return Response.json({ data: { keyId: key.keyId, publicKeyPem: key.publicKeyPem, algorithm: "ed25519" } });
}
