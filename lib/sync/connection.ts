import { randomUUID } from "node:crypto";
import { decrypt, encrypt } from "@/lib/crypto/aead";
import { githubCredentialsSchema, type GitHubCredentials } from "@/lib/github/auth/credentials";
import { createGitHubClient, type GitHubClientOptions } from "@/lib/github/client";
import type { SyncContext } from "./engine/context";
import type { RegistryConfig } from "./github/fetch-registry";
import type { SyncDb } from "./persist/db";

// The stored GitHub connection. The secret (token or App private key) is sealed with
// AES-256-GCM, its row id as associated data; it is decrypted only here, in the worker,
// and never returned by any lib/server function.

export interface SaveConnectionInput {
  organizationId: string;
  baseUrl: string;
  credentials: GitHubCredentials;
  webhookSecret?: string | null;
}

function secretOf(c: GitHubCredentials): string {
  return c.kind === "token" ? c.token : c.privateKey;
}

export async function saveConnection(db: SyncDb, key: Buffer, input: SaveConnectionInput): Promise<string> {
  const creds = githubCredentialsSchema.parse(input.credentials);
  const existing = await db.gitHubConnection.findUnique({
    where: { organizationId: input.organizationId },
    select: { id: true },
  });
  const id = existing?.id ?? randomUUID();
  const data = {
    kind: creds.kind,
    baseUrl: input.baseUrl.replace(/\/$/, ""),
    appId: creds.kind === "app" ? creds.appId : null,
    installationId: creds.kind === "app" ? creds.installationId : null,
    secretCiphertext: encrypt(secretOf(creds), `${id}:secret`, key),
    webhookSecretCiphertext: input.webhookSecret ? encrypt(input.webhookSecret, `${id}:webhook`, key) : null,
  };
  await db.gitHubConnection.upsert({
    where: { id },
    create: { id, organizationId: input.organizationId, ...data },
    update: data,
  });
  return id;
}

export interface LoadedConnection {
  id: string;
  baseUrl: string;
  credentials: GitHubCredentials;
  webhookSecret: string | null;
}

export async function loadConnection(
  db: SyncDb,
  key: Buffer,
  organizationId: string,
): Promise<LoadedConnection | null> {
  const row = await db.gitHubConnection.findUnique({ where: { organizationId } });
  if (!row) return null;
  const secret = decrypt(row.secretCiphertext, `${row.id}:secret`, key);
  const credentials: GitHubCredentials =
    row.kind === "app"
      ? { kind: "app", appId: row.appId!, installationId: row.installationId!, privateKey: secret }
      : { kind: "token", token: secret };
  const webhookSecret = row.webhookSecretCiphertext
    ? decrypt(row.webhookSecretCiphertext, `${row.id}:webhook`, key)
    : null;
  return { id: row.id, baseUrl: row.baseUrl, credentials, webhookSecret };
}

/**
 * GHCR registry facts for a token connection to github.com (GHCR takes the token with
 * read:packages as the password). App installations and GHES have no default registry.
 */
function defaultRegistry(conn: LoadedConnection): RegistryConfig | undefined {
  if (conn.credentials.kind !== "token" || conn.baseUrl !== "https://api.github.com") return undefined;
  return { url: "https://ghcr.io", host: "ghcr.io", auth: { password: conn.credentials.token } };
}

/** The sync context for an organisation with a stored connection. */
export async function contextForOrganization(
  db: SyncDb,
  key: Buffer,
  organizationId: string,
  clientOptions: Partial<Omit<GitHubClientOptions, "credentials" | "baseUrl" | "stats" | "etagStore">> = {},
): Promise<SyncContext> {
  const org = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { login: true },
  });
  const conn = await loadConnection(db, key, organizationId);
  if (!conn) throw new Error(`organisation ${org.login} has no GitHub connection`);
  return {
    db,
    organizationId,
    orgLogin: org.login,
    connectionId: conn.id,
    baseUrl: conn.baseUrl,
    registry: defaultRegistry(conn),
    makeClient: (stats, etags) =>
      createGitHubClient({
        ...clientOptions,
        credentials: conn.credentials,
        baseUrl: conn.baseUrl,
        stats,
        etagStore: etags,
      }),
  };
}
