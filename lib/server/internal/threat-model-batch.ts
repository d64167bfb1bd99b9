import "server-only";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { jsonArrayDocuments } from "../../sync/persist/json-chunks";
import { mergeGenerated } from "../../threat-model/merge";
import type { GeneratedParts, GeneratedTemplate } from "../../threat-model/generate";
import type { ThreatModel } from "../../threat-model/model";
import { storedModel } from "./threat-model-store";

// Generation after a sync writes thousands of models: one statement per bounded JSON
// document inserts the current models and their revision rows together (the model is sent
// once, not once per table), instead of one Prisma createMany per table, which spent ~4 ms
// per 15 KB model serialising it twice. Callers run these inside their transaction.
//
// A new model is sent as its repository's part (assets, each default threat's asset ids:
// ~4 KB) beside the template every generated model shares ($2, once per statement), and
// assembled here exactly as assembleGenerated does: two thirds fewer bytes to serialise,
// send and parse (Prisma's raw-query parameters are JSON-escaped and parsed back once
// more on the way). jsonb keeps no key order, so the stored document is the same.
const INSERT_GENERATED = `WITH input AS (
    SELECT r, a, x FROM jsonb_to_recordset($1::jsonb) AS t(r text, a jsonb, x jsonb)
  ), template AS (
    SELECT $2::jsonb AS t
  ), models AS (
    SELECT input.r, jsonb_build_object(
      'assets', input.a,
      'boundaries', template.t->'boundaries',
      'controls', template.t->'controls',
      'threats', (
        SELECT coalesce(jsonb_agg(th.v || jsonb_build_object('assetIds', coalesce(input.x->(th.n::int - 1), '[]'))
          ORDER BY th.n), '[]')
        FROM jsonb_array_elements(template.t->'threats') WITH ORDINALITY AS th(v, n))
    ) AS m
    FROM input CROSS JOIN template
  ), created AS (
    INSERT INTO "ThreatModel" ("repositoryId", "revision", "model", "updatedAt")
    SELECT r, 1, m, now() FROM models
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

async function run(
  tx: Prisma.TransactionClient,
  sql: string,
  items: string[],
  ...params: string[]
): Promise<number> {
  let written = 0;
  for (const doc of jsonArrayDocuments(items)) written += await tx.$executeRawUnsafe(sql, doc, ...params);
  return written;
}

/** Creates revision 1 of each model; returns how many were created (an existing model is kept). */
export function insertGeneratedModels(
  tx: Prisma.TransactionClient,
  template: GeneratedTemplate,
  rows: Array<{ repositoryId: string; parts: GeneratedParts }>,
): Promise<number> {
  return run(
    tx,
    INSERT_GENERATED,
    rows.map((r) => JSON.stringify({ r: r.repositoryId, a: r.parts.assets, x: r.parts.threatAssetIds })),
    JSON.stringify(template),
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

/**
 * Each model's revision and assets (unvalidated JSON), not the whole ~15 KB document: the
 * assets alone decide whether a regeneration changes a model (mergeChanges), and after a
 * sync that changed nothing reading every model whole was most of the regeneration's time.
 */
export async function readModelAssets(
  db: PrismaClient,
  repositoryIds: string[],
): Promise<Map<string, { revision: number; assets: unknown }>> {
  const rows = await db.$queryRaw<Array<{ repositoryId: string; revision: number; assets: unknown }>>`
    SELECT "repositoryId", "revision", "model"->'assets' AS "assets"
    FROM "ThreatModel" WHERE "repositoryId" = ANY(${repositoryIds})`;
  return new Map(rows.map((r) => [r.repositoryId, { revision: r.revision, assets: r.assets }]));
}

/**
 * The regenerations that change a model (mergeChanges said so from its assets), merged
 * into the model read whole at its current revision: one an engineer saved since its
 * assets were read is merged as it now is, and counted unchanged if that changes nothing.
 */
export async function mergeChangedModels(
  db: PrismaClient,
  generated: Map<string, ThreatModel>,
): Promise<{
  updates: Array<{ repositoryId: string; revision: number; model: ThreatModel }>;
  unchanged: number;
}> {
  const updates: Array<{ repositoryId: string; revision: number; model: ThreatModel }> = [];
  let unchanged = 0;
  if (generated.size === 0) return { updates, unchanged };
  const rows = await db.threatModel.findMany({
    where: { repositoryId: { in: [...generated.keys()] } },
    select: { repositoryId: true, revision: true, model: true },
  });
  const current = new Map(rows.map((r) => [r.repositoryId, r]));
  for (const [repositoryId, model] of generated) {
    const row = current.get(repositoryId);
    if (!row) continue;
    const merged = mergeGenerated(storedModel(row.model), model);
    if (merged.changed) updates.push({ repositoryId, revision: row.revision, model: merged.model });
    else unchanged++;
  }
  return { updates, unchanged };
}
