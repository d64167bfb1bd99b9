import { z } from "zod";
import type { RequestStatsSnapshot } from "@/lib/github/stats";
import type { SyncDb, SyncTx } from "./db";

export type SyncKind = "full" | "incremental" | "targeted";
export type SyncTrigger = "manual" | "schedule" | "webhook" | "cli";

export interface StartSyncInput {
  organizationId: string;
  kind: SyncKind;
  trigger: SyncTrigger;
  requestedById?: string | null;
  /** Node ids for a targeted run. */
  targets?: string[];
}

const idList = z.array(z.string().min(1).max(200)).catch([]);

/** A JSON column holding GitHub node ids (targets, batch members); anything else reads as empty. */
export function nodeIdList(value: unknown): string[] {
  return idList.parse(value);
}

/**
 * Creates a queued run, or returns the organisation's active one: the unique
 * `activeOrgId` makes "one active sync per organisation" hold even under concurrent starts.
 */
export async function createRun(
  db: SyncDb,
  input: StartSyncInput,
): Promise<{ runId: string; created: boolean }> {
  const rows = await db.$queryRawUnsafe<Array<{ id: string }>>(
    `INSERT INTO "SyncRun" (id, "organizationId", "activeOrgId", kind, status, trigger, "requestedById", targets, errors, "createdAt")
     VALUES (gen_random_uuid()::text, $1, $1, $2, 'queued', $3, $4, $5::jsonb, '{}'::jsonb, now())
     ON CONFLICT ("activeOrgId") DO NOTHING RETURNING id`,
    input.organizationId,
    input.kind,
    input.trigger,
    input.requestedById ?? null,
    JSON.stringify(input.targets ?? []),
  );
  if (rows[0]) return { runId: rows[0].id, created: true };
  const active = await db.syncRun.findUnique({
    where: { activeOrgId: input.organizationId },
    select: { id: true },
  });
  if (!active) return createRun(db, input); // the active run finished in between
  return { runId: active.id, created: false };
}

/** Adds one step's request counters to the run (counters are sums over all attempts). */
export async function addRunStats(
  tx: SyncTx | SyncDb,
  runId: string,
  s: RequestStatsSnapshot,
  extra: { reposDone?: number; batchesDone?: number } = {},
): Promise<void> {
  await tx.$executeRawUnsafe(
    `UPDATE "SyncRun" SET "restRequests" = "restRequests" + $2, "restNotModified" = "restNotModified" + $3,
       "graphqlQueries" = "graphqlQueries" + $4, "graphqlPoints" = "graphqlPoints" + $5,
       "rateLimitRemaining" = COALESCE($6, "rateLimitRemaining"), "reposDone" = "reposDone" + $7, "batchesDone" = "batchesDone" + $8,
       errors = (SELECT COALESCE(jsonb_object_agg(k, COALESCE((errors->>k)::int, 0) + COALESCE((($9::jsonb)->>k)::int, 0)), '{}'::jsonb)
                 FROM (SELECT jsonb_object_keys(errors) AS k UNION SELECT jsonb_object_keys($9::jsonb)) keys),
       -- The first failed requests, for the Sync page's details (capped: a bad run must not grow the row).
       "errorDetails" = CASE WHEN jsonb_array_length("errorDetails") >= 50 THEN "errorDetails"
                             ELSE "errorDetails" || $10::jsonb END
     WHERE id = $1`,
    runId,
    s.restRequests,
    s.restNotModified,
    s.graphqlQueries,
    s.graphqlPoints,
    s.coreRemaining,
    extra.reposDone ?? 0,
    extra.batchesDone ?? 0,
    JSON.stringify(s.errors),
    JSON.stringify(s.errorSamples),
  );
}

/** Marks the run succeeded once the listing and every batch are done; idempotent. */
export async function completeRunIfDone(db: SyncDb, runId: string): Promise<boolean> {
  const n = await db.$executeRawUnsafe(
    `UPDATE "SyncRun" SET status = 'succeeded', "activeOrgId" = NULL, "finishedAt" = now(),
       "durationMs" = (EXTRACT(EPOCH FROM (now() - COALESCE("startedAt", "createdAt"))) * 1000)::int
     WHERE id = $1 AND status = 'running' AND "listingComplete" AND "batchesDone" >= "batchesTotal"`,
    runId,
  );
  return n > 0;
}

/** A run whose job exhausted its retries. Facts already written stay; nothing is deleted. */
export async function failRun(db: SyncDb, runId: string, message: string): Promise<void> {
  await db.$executeRawUnsafe(
    `UPDATE "SyncRun" SET status = 'failed', "activeOrgId" = NULL, "errorMessage" = $2, "finishedAt" = now(),
       "durationMs" = (EXTRACT(EPOCH FROM (now() - COALESCE("startedAt", "createdAt"))) * 1000)::int
     WHERE id = $1 AND status IN ('queued', 'running')`,
    runId,
    message.slice(0, 2000),
  );
}
