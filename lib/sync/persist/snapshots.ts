import type { RepoFacts } from "@/lib/facts/types";
import type { Prisma } from "@/lib/generated/prisma/client";
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

// Written through the typed client, one row per statement, not as one raw statement with
// the whole batch as a JSON parameter: Prisma's debug module keeps the arguments of its
// last 100 debug calls (whether or not DEBUG is set), and the pg adapter logs every query
// with its parameters, so each multi-megabyte batch parameter stayed on the heap (≈12 MB
// per batch call, ≈200 MB at steady state). Per row, what it keeps is bounded by one
// repository's facts. `upsert` on the primary key compiles to INSERT … ON CONFLICT DO
// UPDATE, so two workers writing the same batch still both succeed, last write wins.

/** The transaction's start time, as `now()` in SQL: every row of a batch gets the same syncedAt. */
async function transactionNow(tx: SyncTx | SyncDb): Promise<Date> {
  const [row] = await tx.$queryRaw<Array<{ now: Date }>>`SELECT now() AS now`;
  return row?.now ?? new Date();
}

const json = (v: unknown) => v as Prisma.InputJsonValue;

export async function upsertSnapshots(tx: SyncTx, runId: string, rows: SnapshotRow[]): Promise<void> {
  if (rows.length === 0) return;
  const syncedAt = await transactionNow(tx);
  for (const r of rows) {
    const data = {
      fingerprint: r.fingerprint,
      headOid: r.headOid,
      pushedAt: r.pushedAt ? new Date(r.pushedAt) : null,
      factsVersion: r.factsVersion,
      facts: json(r.facts),
      issues: json(r.issues),
      syncRunId: runId,
      syncedAt,
    };
    await tx.repoSnapshot.upsert({ where: { repositoryId: r.repositoryId }, create: { repositoryId: r.repositoryId, ...data }, update: data, select: { repositoryId: true } });
  }
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
  const data = { facts: json(part), issues: json(issues), syncRunId: runId, syncedAt: await transactionNow(tx) };
  await tx.orgSnapshot.upsert({ where: { organizationId }, create: { organizationId, ...data }, update: data, select: { organizationId: true } });
}
