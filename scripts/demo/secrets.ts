// Secrets for a local demo, generated once and kept (mode 0600) under the data folder
// so sessions and encrypted credentials survive restarts.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface DemoSecrets {
  nextAuthSecret: string;
  encryptionKey: string;
  webhookSecret: string;
  /** Keys the audit chain (GATEHOUSE_AUDIT_KEY). Added later: older files get one on load. */
  auditKey: string;
}

export function loadDemoSecrets(dataDir: string): DemoSecrets {
  const file = path.join(dataDir, "demo-secrets.json");
  if (existsSync(file)) {
    const kept = JSON.parse(readFileSync(file, "utf8")) as Partial<DemoSecrets> &
      Omit<DemoSecrets, "auditKey">;
    if (kept.auditKey) return kept as DemoSecrets;
    const upgraded = { ...kept, auditKey: randomBytes(32).toString("base64") };
    writeFileSync(file, JSON.stringify(upgraded, null, 2), { mode: 0o600 });
    return upgraded;
  }
  const secrets: DemoSecrets = {
    nextAuthSecret: randomBytes(32).toString("base64"),
    encryptionKey: randomBytes(32).toString("base64"),
    webhookSecret: randomBytes(24).toString("hex"),
    auditKey: randomBytes(32).toString("base64"),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
