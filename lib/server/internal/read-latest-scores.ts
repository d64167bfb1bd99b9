import "server-only";
import type { CheckResult, PolicyException } from "../../checks/types";
import { evidenceStatus, toEvidenceResult } from "../../evidence/from-check-results";
import type { EvidenceRepo, ResultStatusOnly } from "../../evidence/input";
import type { Prisma } from "../../generated/prisma/client";
import { checkResultsColumn } from "./json-columns";

// A page of repositories' latest scorings, for the evidence pack's walks. Results are
// most of a page's bytes (about 40 KB of JSON per repository), and an export walks the
// repositories once per file, so the two readers differ in how much of them they fetch.

type Db = Prisma.TransactionClient;

/** A repository's latest scoring as the pack states it, with results of type R. */
export type LatestScore<R> = Pick<EvidenceRepo, "score" | "policyVersion" | "scoredAt" | "factsSyncedAt"> & {
  results: R[];
};

interface ScoreRow {
  repositoryId: string;
  overall: number | null;
  grade: string | null;
  coverage: number;
  policyVersion: number;
  computedAt: Date;
  factsSyncedAt: Date;
}

function latestOf<R>(row: ScoreRow, results: R[]): LatestScore<R> {
  return {
    score: { overall: row.overall, grade: row.grade, coverage: row.coverage },
    policyVersion: row.policyVersion,
    scoredAt: row.computedAt.toISOString(),
    factsSyncedAt: row.factsSyncedAt.toISOString(),
    results,
  };
}

/**
 * Every result whole. The column comes as text and is parsed here: Prisma's own decoding
 * of a JSON column cost a third more CPU for the same objects.
 */
export async function readLatestResults(
  db: Db,
  repositoryIds: string[],
  exceptions: ReadonlyMap<string, PolicyException>,
): Promise<Map<string, LatestScore<EvidenceRepo["results"][number]>>> {
  if (repositoryIds.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<ScoreRow & { results: string }>>`SELECT "repositoryId", "overall",
      "grade", "coverage", "policyVersion", "computedAt", "factsSyncedAt", "results"::text AS "results"
    FROM "RepoScore" WHERE "repositoryId" = ANY(${repositoryIds})`;
  return new Map(
    rows.map((row) => {
      const results = checkResultsColumn.read(JSON.parse(row.results) as Prisma.JsonValue);
      return [
        row.repositoryId,
        latestOf(
          row,
          results.map((r: CheckResult) => toEvidenceResult(r, exceptions)),
        ),
      ];
    }),
  );
}

/**
 * Each result's check and status only, cut out by Postgres: "<status> <s|-> <check id>",
 * where s marks a result with a suppressed finding (evidenceStatus turns such a pass into
 * an exception, as toEvidenceResult does). Postgres then never turns the findings into
 * text, which was most of a full read's time, and the page is a few KB instead of 4 MB.
 */
export async function readLatestStatuses(
  db: Db,
  repositoryIds: string[],
): Promise<Map<string, LatestScore<ResultStatusOnly>>> {
  if (repositoryIds.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<ScoreRow & { statuses: string[] }>>`SELECT "repositoryId", "overall",
      "grade", "coverage", "policyVersion", "computedAt", "factsSyncedAt",
      ARRAY(SELECT (r->>'status') || ' ' ||
          CASE WHEN r->>'status' = 'pass'
            AND jsonb_path_exists(r->'findings', '$[*].suppressed ? (@.type() == "object")')
          THEN 's' ELSE '-' END || ' ' || (r->>'checkId')
        FROM jsonb_array_elements("results") WITH ORDINALITY AS e(r, i) ORDER BY i) AS "statuses"
    FROM "RepoScore" WHERE "repositoryId" = ANY(${repositoryIds})`;
  return new Map(
    rows.map((row) => [
      row.repositoryId,
      latestOf(
        row,
        row.statuses.map((s) => {
          const [status, suppressed] = s.split(" ", 2) as [CheckResult["status"], string];
          return { check: s.slice(status.length + 3), status: evidenceStatus(status, suppressed === "s") };
        }),
      ),
    ]),
  );
}
