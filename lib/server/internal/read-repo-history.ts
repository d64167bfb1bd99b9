import "server-only";
import type { PrismaClient } from "../../generated/prisma/client";
import type { TrendPoint } from "../history/get-org-trend";

// Internal (no authorisation: callers have authorised and checked the organisation scope).
// A repository's posture over a window in two queries, not four: each query costs the web
// process about 0.3–0.4 ms of CPU in its syscalls, and the repository page runs this on
// every view.

interface SnapshotRow {
  takenAt: Date;
  overall: number | null;
  identity: number | null;
  secrets: number | null;
  supplyChain: number | null;
  integrity: number | null;
  changeControl: number | null;
  grade: string | null;
  coverage: number;
}

interface LifetimeRow {
  fingerprint: string;
  checkId: string;
  severity: string;
  location: string;
  line: number | null;
  firstSeenAt: Date;
  fixedAt: Date | null;
  reopenCount: number;
}

const r1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/**
 * The snapshots in (since, now] plus the last one at or before `since` (the posture at the
 * window's start; snapshots are written only on change, so the series is a step function
 * and the last one is carried to the latest scoring, `computedAt`), the 20 findings fixed
 * most recently in the window, and every open finding with when it was first seen.
 */
export async function readRepoHistory(
  db: PrismaClient,
  q: { repositoryId: string; since: Date; now: Date; computedAt: Date | null | Promise<Date | null> },
) {
  const { repositoryId, since, now } = q;
  const [latest, snapshots, lifetimes] = await Promise.all([
    q.computedAt,
    // One range read: rows at or before `since` are only the latest such row (the lower bound).
    db.$queryRaw<SnapshotRow[]>`
      SELECT "takenAt", "overall", "identity", "secrets", "supplyChain", "integrity", "changeControl", "grade", "coverage"
      FROM "RepoScoreSnapshot"
      WHERE "repositoryId" = ${repositoryId} AND "takenAt" <= ${now}
        AND "takenAt" >= COALESCE(
          (SELECT max("takenAt") FROM "RepoScoreSnapshot" WHERE "repositoryId" = ${repositoryId} AND "takenAt" <= ${since}),
          ${since})
      ORDER BY "takenAt"`,
    db.$queryRaw<LifetimeRow[]>`
      (SELECT "fingerprint", "checkId", "severity", "location", "line", "firstSeenAt", "fixedAt", "reopenCount"
       FROM "FindingLifetime" WHERE "repositoryId" = ${repositoryId} AND "fixedAt" > ${since}
       ORDER BY "fixedAt" DESC LIMIT 20)
      UNION ALL
      (SELECT "fingerprint", "checkId", "severity", "location", "line", "firstSeenAt", NULL, "reopenCount"
       FROM "FindingLifetime" WHERE "repositoryId" = ${repositoryId} AND "fixedAt" IS NULL)`,
  ]);
  const toPoint = (s: SnapshotRow, at: Date): TrendPoint => ({
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
  const points = snapshots.map((s) => toPoint(s, s.takenAt > since ? s.takenAt : since));
  const last = snapshots[snapshots.length - 1];
  if (last && latest && latest > (points[points.length - 1]?.at ?? since) && latest <= now)
    points.push(toPoint(last, latest));
  const fixed = lifetimes
    .flatMap(({ fixedAt, ...l }) => (fixedAt ? [{ ...l, fixedAt }] : []))
    .sort((a, b) => b.fixedAt.getTime() - a.fixedAt.getTime());
  const open = lifetimes
    .filter((l) => !l.fixedAt)
    .map(({ fingerprint, checkId, location, line, firstSeenAt, reopenCount }) => ({
      fingerprint,
      checkId,
      location,
      line,
      firstSeenAt,
      reopenCount,
    }));
  return { points, fixed, open };
}
