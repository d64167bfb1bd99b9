import "server-only";
import { z } from "zod";
import { generateApiKey } from "../../crypto/api-key";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { ROLES } from "../authz/permissions";
import { appendAuditEntry } from "../internal/append-audit-entry";

const DAY_MS = 86_400_000;
/** Keys are for integrations that rotate: a year at most, 90 days unless asked. */
export const MAX_API_KEY_LIFETIME_MS = 366 * DAY_MS;

const input = z
  .object({
    name: z.string().trim().min(1).max(80),
    role: z.enum(ROLES),
    expiresInMs: z
      .number()
      .int()
      .min(60_000)
      .max(MAX_API_KEY_LIFETIME_MS)
      .default(90 * DAY_MS),
    /** Organisation logins the key is limited to (object-level isolation); none = all. */
    organizations: z.array(z.string().trim().min(1).max(100)).max(100).default([]),
  })
  .strict();

/** Logins → ids, refusing (naming it) a login that is not a synced organisation. */
async function organizationIdsOf(logins: string[]): Promise<string[]> {
  if (logins.length === 0) return [];
  const rows = await getDb().organization.findMany({
    where: { OR: logins.map((login) => ({ login: { equals: login, mode: "insensitive" as const } })) },
    select: { id: true, login: true },
  });
  const missing = logins.find((l) => !rows.some((r) => r.login.toLowerCase() === l.toLowerCase()));
  if (missing) throw new AppError("invalid", `organizations: no synced organisation "${missing}".`);
  return rows.map((r) => r.id);
}

/**
 * Creates a key and returns it in clear text: the only time it exists outside the
 * caller's hands. The database and the audit log hold its hash and display prefix only.
 */
export async function createApiKey(actor: Actor | null, raw: unknown, now: Date = new Date()) {
  const who = await authorize(actor, "apikeys:manage");
  const { name, role, expiresInMs, organizations } = input.parse(raw);
  const organizationIds = await organizationIdsOf(organizations);
  const { key, hash, prefix } = generateApiKey();
  const expiresAt = new Date(now.getTime() + expiresInMs);
  const created = await getDb().$transaction(async (tx) => {
    const row = await tx.apiKey.create({
      data: { name, role, hash, prefix, expiresAt, organizationIds, createdById: who.userId, createdAt: now },
      select: { id: true, name: true, role: true, prefix: true, createdAt: true, expiresAt: true },
    });
    await appendAuditEntry(
      who,
      {
        action: "api_key.created",
        targetType: "api_key",
        targetId: row.id,
        details: {
          name,
          role,
          prefix,
          expiresAt: expiresAt.toISOString(),
          ...(organizations.length ? { organizations } : {}),
        },
      },
      tx,
    );
    return row;
  });
  return { ...created, key };
}
