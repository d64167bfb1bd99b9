import type { SyncDb, SyncTx } from "./db";

export interface RepoRow {
  githubId: number | null;
  name: string;
  fullName: string;
  visibility: string | null;
  archived: boolean;
  defaultBranch: string | null;
}

/** Upserts on the natural key (organisation, name); returns name → Repository.id. */
export async function upsertRepositories(
  tx: SyncTx | SyncDb,
  organizationId: string,
  rows: RepoRow[],
): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  // A rename keeps the GitHub id: free it from the old row first so the insert below
  // does not trip the githubId unique index (the old name is then marked missing).
  await tx.$executeRawUnsafe(
    `UPDATE "Repository" SET "githubId" = NULL WHERE "organizationId" = $1 AND "githubId" = ANY($2::bigint[]) AND NOT (name = ANY($3::text[]))`,
    organizationId,
    rows.flatMap((r) => (r.githubId === null ? [] : [String(r.githubId)])),
    rows.map((r) => r.name),
  );
  const result = await tx.$queryRawUnsafe<Array<{ id: string; name: string }>>(
    `INSERT INTO "Repository" (id, "organizationId", "githubId", name, "fullName", visibility, archived, "defaultBranch", "missingSince", "updatedAt")
     SELECT gen_random_uuid()::text, $1, g, n, f, v, a, d, NULL, now()
     FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::bool[], $7::text[]) AS t(g, n, f, v, a, d)
     ON CONFLICT ("organizationId", name) DO UPDATE SET
       "githubId" = COALESCE(EXCLUDED."githubId", "Repository"."githubId"), "fullName" = EXCLUDED."fullName",
       visibility = EXCLUDED.visibility, archived = EXCLUDED.archived, "defaultBranch" = EXCLUDED."defaultBranch",
       "missingSince" = NULL, "updatedAt" = now()
     RETURNING id, name`,
    organizationId,
    rows.map((r) => (r.githubId === null ? null : String(r.githubId))),
    rows.map((r) => r.name),
    rows.map((r) => r.fullName),
    rows.map((r) => r.visibility),
    rows.map((r) => r.archived),
    rows.map((r) => r.defaultBranch),
  );
  return new Map(result.map((r) => [r.name, r.id]));
}

/** After a complete listing only: repositories GitHub no longer lists are flagged, never deleted. */
export async function markMissing(tx: SyncTx, organizationId: string, seenNames: string[]): Promise<number> {
  return tx.$executeRawUnsafe(
    `UPDATE "Repository" SET "missingSince" = now(), "updatedAt" = now()
     WHERE "organizationId" = $1 AND "missingSince" IS NULL AND NOT (name = ANY($2::text[]))`,
    organizationId,
    seenNames,
  );
}
