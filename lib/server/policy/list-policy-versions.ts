import "server-only";
import { z } from "zod";
import { getDb } from "../../db";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { describeChanges, type PolicyChanges } from "../internal/policy-changes";

const input = z.object({ limit: z.number().int().min(1).max(200).default(50) });

/** Newest first: who saved each version, their note and what it changed. */
export async function listPolicyVersions(actor: Actor | null, raw: unknown = {}) {
  await authorize(actor, "dashboard:read");
  const { limit } = input.parse(raw);
  const db = getDb();
  const rows = await db.policyVersion.findMany({
    orderBy: { version: "desc" },
    take: limit,
    select: { version: true, changes: true, note: true, createdById: true, createdAt: true },
  });
  const ids = [...new Set(rows.map((r) => r.createdById).filter((id): id is string => id !== null))];
  const users = await db.user.findMany({
    where: { id: { in: ids } },
    select: { id: true, githubLogin: true },
  });
  const login = new Map(users.map((u) => [u.id, u.githubLogin]));
  return rows.map((r) => ({
    version: r.version,
    note: r.note,
    createdAt: r.createdAt,
    createdByLogin: r.createdById ? (login.get(r.createdById) ?? r.createdById) : null,
    changes: describeChanges(r.changes as PolicyChanges),
  }));
}
