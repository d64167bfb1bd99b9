import "server-only";
import { z } from "zod";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { authorize } from "../authz/authorize";
import { assertOrgScope } from "../internal/org-scope";
import type { Actor } from "../authz/actor";
import type { TrendPoint } from "./get-org-trend";

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

const r1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

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
  const [score, inWindow, before, fixed, open] = await Promise.all([
    db.repoScore.findUnique({ where: { repositoryId: repo.id }, select: { computedAt: true } }),
    db.repoScoreSnapshot.findMany({
      where: { repositoryId: repo.id, takenAt: { gt: since, lte: now } },
      orderBy: { takenAt: "asc" },
      omit: { failing: true },
    }),
    // The posture at the start of the window is the last snapshot before it.
    db.repoScoreSnapshot.findFirst({
      where: { repositoryId: repo.id, takenAt: { lte: since } },
      orderBy: { takenAt: "desc" },
      omit: { failing: true },
    }),
    db.findingLifetime.findMany({
      where: { repositoryId: repo.id, fixedAt: { gt: since } },
      orderBy: { fixedAt: "desc" },
      take: 20,
      select: {
        fingerprint: true,
        checkId: true,
        severity: true,
        location: true,
        line: true,
        firstSeenAt: true,
        fixedAt: true,
        reopenCount: true,
      },
    }),
    db.findingLifetime.findMany({
      where: { repositoryId: repo.id, fixedAt: null },
      select: {
        fingerprint: true,
        checkId: true,
        location: true,
        line: true,
        firstSeenAt: true,
        reopenCount: true,
      },
    }),
  ]);
  const toPoint = (s: NonNullable<typeof before>, at: Date): TrendPoint => ({
    at,
    overall: r1(s.overall),
    identity: r1(s.identity),
    secrets: r1(s.secrets),
    supplyChain: r1(s.supplyChain),
    integrity: r1(s.integrity),
    changeControl: r1(s.changeControl),
    grade: s.grade?.trim() ?? null,
    coverage: Math.round(s.coverage * 1000) / 1000,
  });
  const points = [...(before ? [toPoint(before, since)] : []), ...inWindow.map((s) => toPoint(s, s.takenAt))];
  const last = inWindow[inWindow.length - 1] ?? before;
  const latest = score?.computedAt;
  if (last && latest && latest > (points[points.length - 1]?.at ?? since) && latest <= now)
    points.push(toPoint(last, latest));
  return { points, fixed, open };
}
