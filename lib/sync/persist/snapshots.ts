import type { RepoFacts } from "@/lib/facts/types";
import type { OrgPart } from "@/lib/sync/normalise/assemble";
import type { NormaliseIssue } from "@/lib/sync/normalise/issues";
import type { SyncDb, SyncTx } from "./db";

export interface SnapshotRow {
  repositoryId: string;
  fingerprint: string;
  headOid: string | null;
  pushedAt: string | null;
  factsVersion: number;
  facts: RepoFacts;
  issues: NormaliseIssue[];
}

export async function upsertSnapshots(tx: SyncTx, runId: string, rows: SnapshotRow[]): Promise<void> {
  if (rows.length === 0) return;
  // One JSON document for the whole batch: pg would otherwise escape every facts string
  // into an array literal, copying megabytes per batch.
  const doc = JSON.stringify(rows.map((r) => ({ r: r.repositoryId, fp: r.fingerprint, h: r.headOid, p: r.pushedAt ? new Date(r.pushedAt).toISOString() : null, v: r.factsVersion, f: r.facts, i: r.issues })));
  await tx.$executeRawUnsafe(
    `INSERT INTO "RepoSnapshot" ("repositoryId", fingerprint, "headOid", "pushedAt", "factsVersion", facts, issues, "syncRunId", "syncedAt")
     SELECT r, fp, h, p::timestamp, v, f, i, $1, now()
     FROM jsonb_to_recordset($2::jsonb) AS t(r text, fp text, h text, p text, v int, f jsonb, i jsonb)
     ON CONFLICT ("repositoryId") DO UPDATE SET fingerprint = EXCLUDED.fingerprint, "headOid" = EXCLUDED."headOid",
       "pushedAt" = EXCLUDED."pushedAt", "factsVersion" = EXCLUDED."factsVersion", facts = EXCLUDED.facts,
       issues = EXCLUDED.issues, "syncRunId" = EXCLUDED."syncRunId", "syncedAt" = now()`,
    runId,
    doc,
  );
}

/** name → stored fingerprint and facts version, for the change detector. */
export async function loadFingerprints(db: SyncDb | SyncTx, organizationId: string): Promise<Map<string, { fingerprint: string; factsVersion: number }>> {
  const rows = await db.$queryRawUnsafe<Array<{ name: string; fingerprint: string; factsVersion: number }>>(
    `SELECT r.name, s.fingerprint, s."factsVersion" FROM "RepoSnapshot" s JOIN "Repository" r ON r.id = s."repositoryId" WHERE r."organizationId" = $1`,
    organizationId,
  );
  return new Map(rows.map((r) => [r.name, { fingerprint: r.fingerprint, factsVersion: r.factsVersion }]));
}

export async function upsertOrgSnapshot(tx: SyncTx | SyncDb, organizationId: string, runId: string, part: OrgPart, issues: NormaliseIssue[]): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO "OrgSnapshot" ("organizationId", facts, issues, "syncRunId", "syncedAt") VALUES ($1, $2::jsonb, $3::jsonb, $4, now())
     ON CONFLICT ("organizationId") DO UPDATE SET facts = EXCLUDED.facts, issues = EXCLUDED.issues, "syncRunId" = EXCLUDED."syncRunId", "syncedAt" = now()`,
    organizationId,
    JSON.stringify(part),
    JSON.stringify(issues),
    runId,
  );
}
