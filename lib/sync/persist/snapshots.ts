import type { RepoFacts } from "@/lib/facts/types";
import type { OrgPart } from "@/lib/facts/assemble";
import type { NormaliseIssue } from "@/lib/sync/normalise/issues";
import type { SyncDb, SyncTx } from "./db";
import { jsonArrayDocuments, STATEMENT_JSON_CHARS } from "./json-chunks";

export interface SnapshotRow {
  repositoryId: string;
  fingerprint: string;
  headOid: string | null;
  pushedAt: string | null;
  factsVersion: number;
  facts: RepoFacts;
  issues: NormaliseIssue[];
}

// Prisma's debug module keeps the arguments of its last 100 debug calls (DEBUG set or
// not), and the pg adapter logs every statement with its parameters: a statement's JSON
// parameter stays on the heap for the next ~17 statements. With a whole batch in one
// parameter that was ≈ 12 MB per 6 MB batch (≈ 200 MB at steady state). Statements are
// therefore cut at STATEMENT_JSON_CHARS (one row always fits), which bounds what can be
// kept to a few MB, while a batch of small repositories still takes one statement and the
// SQL (ON CONFLICT, one now() per transaction) is unchanged. One typed upsert per row also
// bounds it, but was 2× slower on large batches and its sync-bench peak RSS ran higher
// (median 370 vs 348 MB over six runs each; the figure's noise is ±20 MB).
export { STATEMENT_JSON_CHARS };

const UPSERT = `INSERT INTO "RepoSnapshot" ("repositoryId", fingerprint, "headOid", "pushedAt", "factsVersion", facts, issues, "syncRunId", "syncedAt")
     SELECT r, fp, h, p::timestamp, v, f, i, $1, now()
     FROM jsonb_to_recordset($2::jsonb) AS t(r text, fp text, h text, p text, v int, f jsonb, i jsonb)
     ON CONFLICT ("repositoryId") DO UPDATE SET fingerprint = EXCLUDED.fingerprint, "headOid" = EXCLUDED."headOid",
       "pushedAt" = EXCLUDED."pushedAt", "factsVersion" = EXCLUDED."factsVersion", facts = EXCLUDED.facts,
       issues = EXCLUDED.issues, "syncRunId" = EXCLUDED."syncRunId", "syncedAt" = now()`;

/** Rows as JSON array documents of at most `limit` characters each (a larger single row gets its own). */
export function snapshotDocuments(rows: SnapshotRow[], limit = STATEMENT_JSON_CHARS): string[] {
  return jsonArrayDocuments(
    rows.map((r) =>
      JSON.stringify({
        r: r.repositoryId,
        fp: r.fingerprint,
        h: r.headOid,
        p: r.pushedAt ? new Date(r.pushedAt).toISOString() : null,
        v: r.factsVersion,
        f: r.facts,
        i: r.issues,
      }),
    ),
    limit,
  );
}

/** Upserts in the caller's transaction: same rows, same ON CONFLICT, one `now()` for the batch. */
export async function upsertSnapshots(tx: SyncTx, runId: string, rows: SnapshotRow[]): Promise<void> {
  for (const doc of snapshotDocuments(rows)) await tx.$executeRawUnsafe(UPSERT, runId, doc);
}

/** name → stored fingerprint and facts version, for the change detector. */
export async function loadFingerprints(
  db: SyncDb | SyncTx,
  organizationId: string,
): Promise<Map<string, { fingerprint: string; factsVersion: number }>> {
  const rows = await db.$queryRawUnsafe<Array<{ name: string; fingerprint: string; factsVersion: number }>>(
    `SELECT r.name, s.fingerprint, s."factsVersion" FROM "RepoSnapshot" s JOIN "Repository" r ON r.id = s."repositoryId" WHERE r."organizationId" = $1`,
    organizationId,
  );
  return new Map(rows.map((r) => [r.name, { fingerprint: r.fingerprint, factsVersion: r.factsVersion }]));
}

export async function upsertOrgSnapshot(
  tx: SyncTx | SyncDb,
  organizationId: string,
  runId: string,
  part: OrgPart,
  issues: NormaliseIssue[],
): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO "OrgSnapshot" ("organizationId", facts, issues, "syncRunId", "syncedAt") VALUES ($1, $2::jsonb, $3::jsonb, $4, now())
     ON CONFLICT ("organizationId") DO UPDATE SET facts = EXCLUDED.facts, issues = EXCLUDED.issues, "syncRunId" = EXCLUDED."syncRunId", "syncedAt" = now()`,
    organizationId,
    JSON.stringify(part),
    JSON.stringify(issues),
    runId,
  );
}
