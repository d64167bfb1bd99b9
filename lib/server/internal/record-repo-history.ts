import "server-only";
import type { PrismaClient } from "../../generated/prisma/client";
import type { RepoScoreRow } from "../../scoring/compute-repo-score";
import { packFingerprints, passingChecks, type FailingInstance } from "../../history/instances";
import { planLifetimes } from "../../history/lifetimes";
import type { RepoFacetData } from "../../history/facet";
import { applyLifetimePlan } from "./apply-lifetime-plan";

export interface ScoredRepo {
  row: RepoScoreRow;
  instances: FailingInstance[];
  facet: RepoFacetData;
}

const SCORE_KEYS = ["overall", "identity", "secrets", "supplyChain", "integrity", "changeControl"] as const;
// Snapshots store scores as 4-byte reals: compare at the precision scores are computed
// with (one decimal; coverage three), whatever way the driver widens a real.
const round = (v: unknown, decimals: number) =>
  v === null || v === undefined ? null : Math.round(Number(v) * 10 ** decimals) / 10 ** decimals;
const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);
const sameList = (a: readonly string[], b: readonly string[] | null) => a.join("\n") === (b ?? []).join("\n");
const sameFacet = (a: RepoFacetData, b: RepoFacetData) =>
  a.empty === b.empty &&
  a.critical === b.critical &&
  a.hasProductionEnvironment === b.hasProductionEnvironment &&
  a.worstSeverity === b.worstSeverity &&
  a.owners.join("\n") === b.owners.join("\n") &&
  a.failingChecks.join("\n") === b.failingChecks.join("\n");

/**
 * History for one page of scored repositories, in one transaction and a handful of
 * statements: a snapshot row only for repositories whose posture changed (scores, failing
 * instances, or which checks pass), lifetime rows
 * only for findings that appeared, were fixed, reopened or moved, facet rows only when they
 * differ. Called BEFORE the scores are written: the stored score's computedAt is the
 * previous scoring, i.e. when a now-fixed finding was last seen.
 */
export async function recordRepoHistory(
  db: PrismaClient,
  organizationId: string,
  page: ScoredRepo[],
  now: Date,
): Promise<{ snapshots: number; lifetimeChanges: number }> {
  if (page.length === 0) return { snapshots: 0, lifetimeChanges: 0 };
  const ids = page.map((p) => p.row.repositoryId);
  return db.$transaction(
    async (tx) => {
      const [latest, stored, previous, facets] = await Promise.all([
        tx.$queryRaw<
          Array<
            Record<string, unknown> & {
              repositoryId: string;
              failing: Uint8Array;
              passing: string[] | null;
              waived: string[] | null;
            }
          >
        >`
          SELECT DISTINCT ON ("repositoryId") * FROM "RepoScoreSnapshot"
          WHERE "repositoryId" = ANY(${ids}) ORDER BY "repositoryId", "takenAt" DESC`,
        tx.findingLifetime.findMany({
          where: { repositoryId: { in: ids } },
          select: { fingerprint: true, fixedAt: true, line: true, repositoryId: true },
        }),
        tx.repoScore.findMany({
          where: { repositoryId: { in: ids } },
          select: { repositoryId: true, computedAt: true },
        }),
        tx.repoFacet.findMany({ where: { repositoryId: { in: ids } } }),
      ]);
      const latestById = new Map(latest.map((s) => [s.repositoryId, s]));
      const prevById = new Map(previous.map((p) => [p.repositoryId, p.computedAt]));
      const facetById = new Map(facets.map((f) => [f.repositoryId, f]));

      const snapshots = [];
      for (const { row, instances } of page) {
        const failing = packFingerprints(instances.filter((i) => !i.orgLevel).map((i) => i.fingerprint));
        const { passing, waived } = passingChecks(row.results);
        const last = latestById.get(row.repositoryId);
        const unchanged =
          last !== undefined &&
          SCORE_KEYS.every((k) => round(row[k], 1) === round(last[k], 1)) &&
          (last.grade === null ? row.grade === null : String(last.grade).trim() === row.grade) &&
          round(row.coverage, 3) === round(last.coverage, 3) &&
          sameBytes(failing, new Uint8Array(last.failing)) &&
          sameList(passing, last.passing) &&
          sameList(waived, last.waived);
        if (unchanged) continue;
        snapshots.push({
          repositoryId: row.repositoryId,
          takenAt: now,
          ...Object.fromEntries(SCORE_KEYS.map((k) => [k, row[k]])),
          grade: row.grade,
          coverage: row.coverage,
          failing,
          passing,
          waived,
        });
      }
      if (snapshots.length > 0)
        await tx.repoScoreSnapshot.createMany({ data: snapshots, skipDuplicates: true });

      const current = page.flatMap((p) => p.instances.filter((i) => !i.orgLevel));
      const repoOf = new Map<string, string>();
      for (const p of page) for (const i of p.instances) repoOf.set(i.fingerprint, p.row.repositoryId);
      for (const s of stored) repoOf.set(s.fingerprint, s.repositoryId!);
      const plan = planLifetimes(current, stored);
      await applyLifetimePlan(
        tx,
        plan,
        {
          organizationId,
          repositoryOf: (i) => repoOf.get(i.fingerprint) ?? null,
          lastSeenOf: (fp) => prevById.get(repoOf.get(fp) ?? "") ?? now,
        },
        now,
      );

      const changedFacets = page.filter((p) => {
        const before = facetById.get(p.row.repositoryId);
        if (!before) return true;
        return !sameFacet(before, p.facet);
      });
      if (changedFacets.length > 0) {
        const changedIds = changedFacets.map((p) => p.row.repositoryId);
        await tx.repoFacet.deleteMany({ where: { repositoryId: { in: changedIds } } });
        await tx.repoFacet.createMany({
          data: changedFacets.map((p) => ({ repositoryId: p.row.repositoryId, organizationId, ...p.facet })),
        });
      }
      const lifetimeChanges = plan.create.length + plan.reopen.length + plan.fix.length + plan.moved.length;
      return { snapshots: snapshots.length, lifetimeChanges };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}
