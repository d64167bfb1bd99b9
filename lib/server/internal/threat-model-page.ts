import "server-only";
import type { OrgPart } from "../../facts/assemble";
import { assembleRepoFacts } from "../../facts/assemble";
import type { PrismaClient } from "../../generated/prisma/client";
import type { RepoFacts } from "../../facts/types";
import {
  assembleGenerated,
  generatedParts,
  type GeneratedParts,
  type GeneratedTemplate,
} from "../../threat-model/generate";
import { mergeChanges } from "../../threat-model/merge";
import type { ThreatModel } from "../../threat-model/model";
import { mergeChangedModels, readModelAssets } from "./threat-model-batch";
import { storedAssets } from "./threat-model-store";

/** One page of generation after a sync, decided before anything is written. */
export interface GenerationPagePlan {
  creates: Array<{ repositoryId: string; parts: GeneratedParts }>;
  updates: Array<{ repositoryId: string; revision: number; model: ThreatModel }>;
  unchanged: number;
  /** The repositories written (created or regenerated), in page order, for the audit entry. */
  changedNames: string[];
}

/**
 * What a page of snapshots needs: a model generated for each repository without one, and
 * the merge for each model the sync's assets change (decided from its assets alone;
 * only those models are read whole). Reads only: the caller writes the plan.
 */
export async function planGenerationPage(
  db: PrismaClient,
  template: GeneratedTemplate,
  org: OrgPart | null,
  page: Array<{ repositoryId: string; facts: RepoFacts; fullName: string }>,
): Promise<GenerationPagePlan> {
  const existing = await readModelAssets(
    db,
    page.map((p) => p.repositoryId),
  );
  const creates: GenerationPagePlan["creates"] = [];
  const changing = new Map<string, ThreatModel>();
  let unchanged = 0;
  for (const snap of page) {
    const parts = generatedParts(assembleRepoFacts(snap.facts, org));
    const row = existing.get(snap.repositoryId);
    if (!row) creates.push({ repositoryId: snap.repositoryId, parts });
    else if (mergeChanges(storedAssets(row.assets), parts.assets))
      changing.set(snap.repositoryId, assembleGenerated(template, parts));
    else unchanged++;
  }
  const merged = await mergeChangedModels(db, changing);
  const written = new Set([...creates, ...merged.updates].map((w) => w.repositoryId));
  return {
    creates,
    updates: merged.updates,
    unchanged: unchanged + merged.unchanged,
    changedNames: page.filter((p) => written.has(p.repositoryId)).map((p) => p.fullName),
  };
}
