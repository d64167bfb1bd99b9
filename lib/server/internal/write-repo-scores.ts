import "server-only";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import type { RepoScoreRow } from "../../scoring/compute-repo-score";
import { checkResultsColumn } from "./json-columns";

// Written with the typed API, not one INSERT … ON CONFLICT over a JSON document: Prisma 7
// keeps memory for every raw query's parameters (measured: ~6 MB retained per call with a
// 3 MB parameter, never released), which a long-lived web server cannot afford. Typed
// createMany sends values as bound parameters and retains nothing.
//
// Per page, in one transaction: lock the rows already stored, drop the ones this run
// may replace, insert the page. A slower, older run (earlier policy version or older
// facts) never overwrites a score a newer one stored: those rows are left alone.

const toData = (r: RepoScoreRow, computedAt: Date): Prisma.RepoScoreCreateManyInput => ({
  ...r,
  results: checkResultsColumn.write(r.results),
  computedAt,
});

/** Upserts one page of scores; returns how many rows were written. */
export async function writeRepoScores(
  db: PrismaClient,
  rows: RepoScoreRow[],
  computedAt: Date,
): Promise<number> {
  if (rows.length === 0) return 0;
  const ids = rows.map((r) => r.repositoryId);
  return db.$transaction(
    async (tx) => {
      const stored = await tx.$queryRaw<
        Array<{ repositoryId: string; policyVersion: number; factsSyncedAt: Date }>
      >`
        SELECT "repositoryId", "policyVersion", "factsSyncedAt" FROM "RepoScore" WHERE "repositoryId" = ANY(${ids}) FOR UPDATE`;
      const byId = new Map(stored.map((s) => [s.repositoryId, s]));
      const fresh = rows.filter((r) => {
        const s = byId.get(r.repositoryId);
        return (
          !s || (r.policyVersion >= s.policyVersion && r.factsSyncedAt.getTime() >= s.factsSyncedAt.getTime())
        );
      });
      const replace = fresh.filter((r) => byId.has(r.repositoryId)).map((r) => r.repositoryId);
      if (replace.length > 0) await tx.repoScore.deleteMany({ where: { repositoryId: { in: replace } } });
      // A row another run inserted since the lock was taken wins (skipDuplicates).
      const { count } = await tx.repoScore.createMany({
        data: fresh.map((r) => toData(r, computedAt)),
        skipDuplicates: true,
      });
      return count;
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}
