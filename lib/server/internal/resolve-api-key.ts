import "server-only";
import { bearerKey, hashApiKey, looksLikeApiKey } from "../../crypto/api-key";
import { getDb } from "../../db";
import type { RequestMeta } from "./request-context";
import type { Actor } from "../authz/actor";

/** lastUsedAt is a hint for admins ("is this key still used?"), not an access log. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Turns `Authorization: Bearer ghk_…` into the Actor every lib/server function takes,
 * or null (no header, unknown, expired or revoked key: the caller answers 401 without
 * saying which). The Actor carries the key's role, so the API is authorised exactly
 * like the pages; audit entries name the key ("api-key:<name>").
 */
export async function resolveApiKey(
  authorization: string | null,
  meta: RequestMeta,
  now: Date = new Date(),
): Promise<Actor | null> {
  const key = bearerKey(authorization);
  if (!key || !looksLikeApiKey(key)) return null;
  const db = getDb();
  const row = await db.apiKey.findUnique({
    where: { hash: hashApiKey(key) },
    select: {
      id: true,
      name: true,
      role: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      organizationIds: true,
    },
  });
  if (!row || row.revokedAt || row.expiresAt.getTime() <= now.getTime()) return null;
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!row.lastUsedAt || row.lastUsedAt < stale) {
    // Conditional, so concurrent requests of one key write at most once a minute.
    await db.apiKey.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: stale } }] },
      data: { lastUsedAt: now },
    });
  }
  return {
    userId: `api-key:${row.id}`,
    login: `api-key:${row.name}`,
    role: row.role,
    ip: meta.ip,
    userAgent: meta.userAgent,
    // The key's organisation scope, resolved here once (a key is not a person: no
    // memberships, only the limit it was created with; none means every organisation).
    ...(row.organizationIds.length ? { organizations: row.organizationIds } : {}),
  };
}
