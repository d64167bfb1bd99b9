import "server-only";
import { z } from "zod";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { authorize } from "../authz/authorize";
import { assertOrgScope } from "../internal/org-scope";
import type { Actor } from "../authz/actor";
import { readRepoHistory } from "../internal/read-repo-history";

const segment = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9._-]+$/);
export const getRepoHistoryInput = z
  .object({
    owner: segment,
    name: segment,
    days: z.coerce.number().int().min(1).max(366).default(90),
    now: z.date().optional(),
  })
  .strict();

/**
 * One repository's posture over time: its snapshots (written only when something changed,
 * so the series is a step function; the last one is carried to the latest scoring), the
 * findings fixed in the window, and when each open finding was first seen.
 */
export async function getRepoHistory(actor: Actor | null, raw: unknown) {
  const who = await authorize(actor, "dashboard:read");
  const parsed = getRepoHistoryInput.safeParse(raw);
  if (!parsed.success) throw new AppError("not_found", "No such repository.");
  const { owner, name, days, now = new Date() } = parsed.data;
  const db = getDb();
  const repo = await db.repository.findUnique({
    where: { fullName: `${owner}/${name}` },
    select: { id: true, organizationId: true },
  });
  if (!repo) throw new AppError("not_found", "No such repository.");
  assertOrgScope(who, repo.organizationId, "No such repository.");
  const since = new Date(now.getTime() - days * 86_400_000);
  // The latest scoring's time is read with the rest, not before it: one round trip fewer.
  const computedAt = db.repoScore
    .findUnique({ where: { repositoryId: repo.id }, select: { computedAt: true } })
    .then((score) => score?.computedAt ?? null);
  return readRepoHistory(db, { repositoryId: repo.id, since, now, computedAt });
}
