import "server-only";
import { z } from "zod";
import { getDb } from "../../db";
import { assembleRepoFacts, type OrgPart } from "../../facts/assemble";
import {
  assembleGenerated,
  generatedParts,
  generatedTemplate,
  type GeneratedParts,
} from "../../threat-model/generate";
import { mergeChanges } from "../../threat-model/merge";
import type { ThreatModel } from "../../threat-model/model";
import { appendAuditEntry } from "../internal/append-audit-entry";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import {
  applyRegeneratedModels,
  insertGeneratedModels,
  mergeChangedModels,
  readModelAssets,
} from "../internal/threat-model-batch";
import { storedAssets } from "../internal/threat-model-store";
import { repoFactsColumn } from "../internal/json-columns";

const input = z.object({
  organizationId: z.string().min(1),
  pageSize: z.number().int().min(1).max(1000).default(200),
});

export interface GenerateRunSummary {
  created: number;
  regenerated: number;
  unchanged: number;
  durationMs: number;
}

/**
 * After a sync: every repository without a model gets one generated from its facts, and
 * every existing model gets the sync's new and removed assets merged in (never an edit
 * lost). Streamed in keyset pages like scoring; each page is one transaction and one
 * audit entry naming the repositories it changed. A model an engineer saved meanwhile is
 * skipped (its revision moved) and merged at the next sync.
 */
export async function generateThreatModels(actor: Actor | null, raw: unknown): Promise<GenerateRunSummary> {
  const who = await authorize(actor, "sync:start", {
    type: "organization",
    id: String((raw as { organizationId?: unknown })?.organizationId ?? ""),
  });
  const { organizationId, pageSize } = input.parse(raw);
  const started = performance.now();
  const db = getDb();
  const orgRow = await db.orgSnapshot.findUnique({ where: { organizationId }, select: { facts: true } });
  const org = (orgRow?.facts ?? null) as OrgPart | null;
  const summary = { created: 0, regenerated: 0, unchanged: 0 };
  const template = generatedTemplate();
  let cursor: string | undefined;
  for (;;) {
    const page = await db.repoSnapshot.findMany({
      where: {
        repository: { organizationId, missingSince: null },
        ...(cursor ? { repositoryId: { gt: cursor } } : {}),
      },
      orderBy: { repositoryId: "asc" },
      take: pageSize,
      select: { repositoryId: true, facts: true, repository: { select: { fullName: true } } },
    });
    if (page.length === 0) break;
    const existing = await readModelAssets(
      db,
      page.map((p) => p.repositoryId),
    );
    const creates: Array<{ repositoryId: string; parts: GeneratedParts }> = [];
    const changing = new Map<string, ThreatModel>();
    for (const snap of page) {
      const parts = generatedParts(assembleRepoFacts(repoFactsColumn.read(snap.facts), org));
      const row = existing.get(snap.repositoryId);
      if (!row) creates.push({ repositoryId: snap.repositoryId, parts });
      else if (mergeChanges(storedAssets(row.assets), parts.assets))
        changing.set(snap.repositoryId, assembleGenerated(template, parts));
      else summary.unchanged++;
    }
    const { updates, unchanged } = await mergeChangedModels(db, changing);
    summary.unchanged += unchanged;
    const written = new Set([...creates, ...updates].map((w) => w.repositoryId));
    const changedNames = page.filter((p) => written.has(p.repositoryId)).map((p) => p.repository.fullName);
    await db.$transaction(
      async (tx) => {
        summary.created += await insertGeneratedModels(tx, template, creates);
        summary.regenerated += await applyRegeneratedModels(tx, updates);
        if (changedNames.length)
          await appendAuditEntry(
            who,
            {
              action: "threatmodel.generated",
              targetType: "organization",
              targetId: organizationId,
              details: { created: creates.length, regenerated: updates.length, repositories: changedNames },
            },
            tx,
          );
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
    cursor = page[page.length - 1]!.repositoryId;
    if (page.length < pageSize) break;
  }
  return { ...summary, durationMs: Math.round(performance.now() - started) };
}
