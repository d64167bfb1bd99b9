import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import { jsonArrayDocuments } from "../../sync/persist/json-chunks";
import type { ThreatModel } from "../../threat-model/model";

// Generation after a sync writes thousands of models: one statement per bounded JSON
// document inserts the current models and their revision rows together (the model is sent
// once, not once per table), instead of one Prisma createMany per table, which spent ~4 ms
// per 15 KB model serialising it twice. Callers run these inside their transaction.

const INSERT_GENERATED = `WITH input AS (
    SELECT r, m FROM jsonb_to_recordset($1::jsonb) AS t(r text, m jsonb)
  ), created AS (
    INSERT INTO "ThreatModel" ("repositoryId", "revision", "model", "updatedAt")
    SELECT r, 1, m, now() FROM input
    ON CONFLICT ("repositoryId") DO NOTHING
    RETURNING "repositoryId", "model"
  )
  INSERT INTO "ThreatModelRevision" ("repositoryId", "revision", "model", "source", "createdAt")
  SELECT "repositoryId", 1, "model", 'generated', now() FROM created`;

// A model whose revision moved since it was read (an engineer saved meanwhile) is left
// alone: the WHERE on the read revision is the optimistic-concurrency check.
const APPLY_REGENERATED = `WITH input AS (
    SELECT r, v, m FROM jsonb_to_recordset($1::jsonb) AS t(r text, v int, m jsonb)
  ), moved AS (
    UPDATE "ThreatModel" AS tm SET "revision" = input.v + 1, "model" = input.m, "updatedAt" = now()
    FROM input WHERE tm."repositoryId" = input.r AND tm."revision" = input.v
    RETURNING tm."repositoryId", tm."revision", tm."model"
  )
  INSERT INTO "ThreatModelRevision" ("repositoryId", "revision", "model", "source", "createdAt")
  SELECT "repositoryId", "revision", "model", 'regenerated', now() FROM moved`;

async function run(tx: Prisma.TransactionClient, sql: string, items: string[]): Promise<number> {
  let written = 0;
  for (const doc of jsonArrayDocuments(items)) written += await tx.$executeRawUnsafe(sql, doc);
  return written;
}

/** Creates revision 1 of each model; returns how many were created (an existing model is kept). */
export function insertGeneratedModels(
  tx: Prisma.TransactionClient,
  rows: Array<{ repositoryId: string; model: ThreatModel }>,
): Promise<number> {
  return run(
    tx,
    INSERT_GENERATED,
    rows.map((r) => JSON.stringify({ r: r.repositoryId, m: r.model })),
  );
}

/** Saves each merged model as the revision after `revision`; returns how many were still at it. */
export function applyRegeneratedModels(
  tx: Prisma.TransactionClient,
  rows: Array<{ repositoryId: string; revision: number; model: ThreatModel }>,
): Promise<number> {
  return run(
    tx,
    APPLY_REGENERATED,
    rows.map((r) => JSON.stringify({ r: r.repositoryId, v: r.revision, m: r.model })),
  );
}
