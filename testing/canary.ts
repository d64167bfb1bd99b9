// Canary secrets: recognisable values that must never appear outside the process that
// was given them. The base64 keys decode to readable text so a leak of either the
// encoded or the decoded form is found.
const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");

export const CANARY_ENV = {
  NEXTAUTH_SECRET: "canary-nextauth-secret-7c1f0e9a4b3d2e5f6a7b8c9d",
  GITHUB_CLIENT_SECRET: "canary-github-client-secret-5e4d3c2b1a",
  GITHUB_WEBHOOK_SECRET: "canary-webhook-secret-9f8e7d6c5b",
  GATEHOUSE_ENCRYPTION_KEY: b64("canary-encryption-key-32-bytes!!"),
  GATEHOUSE_AUDIT_KEY: b64("canary-audit-key-at-least-32-bytes-long"),
  GATEHOUSE_RUNTIME_PASSWORD: "canary-runtime-db-password-3a2b1c",
} as const satisfies Record<string, string>;

/** Every form a canary might leak in: as given, and decoded when it is base64 text. */
export function canaryNeedles(env: Record<string, string> = CANARY_ENV): string[] {
  const out = new Set<string>();
  for (const v of Object.values(env)) {
    out.add(v);
    const decoded = Buffer.from(v, "base64").toString("utf8");
    if (decoded.startsWith("canary-")) out.add(decoded);
  }
  return [...out];
}
