import "server-only";
import type { Policy } from "../../checks/types";
import type { PrismaClient } from "../../generated/prisma/client";
import type { Prisma } from "../../generated/prisma/client";
import { getDb } from "../../db";
import { defaultPolicy, parsePolicy } from "../../policy/index";

export interface ActivePolicy {
  /** 0: no version saved yet, the built-in default applies. */
  version: number;
  policy: Policy;
  createdAt: Date | null;
  createdById: string | null;
  note: string | null;
}

/**
 * Internal (no authorisation): the policy scoring runs under. Stored documents are
 * parsed again on the way out, so a row written by an older build is either read
 * correctly or refused loudly, never misread.
 */
export async function loadActivePolicy(
  db: PrismaClient | Prisma.TransactionClient = getDb(),
): Promise<ActivePolicy> {
  const row = await db.policyVersion.findFirst({ orderBy: { version: "desc" } });
  if (!row) return { version: 0, policy: defaultPolicy, createdAt: null, createdById: null, note: null };
  return {
    version: row.version,
    policy: parsePolicy(row.policy),
    createdAt: row.createdAt,
    createdById: row.createdById,
    note: row.note,
  };
}
