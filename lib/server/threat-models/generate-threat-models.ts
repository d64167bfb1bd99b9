import "server-only";
import { z } from "zod";
import { getDb } from "../../db";
import type { OrgPart } from "../../facts/assemble";
import { generatedTemplate } from "../../threat-model/generate";
import { appendAuditEntry } from "../internal/append-audit-entry";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { applyRegeneratedModels, insertGeneratedModels } from "../internal/threat-model-batch";
import { planGenerationPage, type GenerationPagePlan } from "../internal/threat-model-page";
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
  const write = (plan: GenerationPagePlan) =>
    db.$transaction(
      async (tx) => {
        summary.created += await insertGeneratedModels(tx, template, plan.creates);
        summary.regenerated += await applyRegeneratedModels(tx, plan.updates);
        if (plan.changedNames.length)
          await appendAuditEntry(
            who,
            {
              action: "threatmodel.generated",
              targetType: "organization",
              targetId: organizationId,
              details: {
                created: plan.creates.length,
                regenerated: plan.updates.length,
                repositories: plan.changedNames,
              },
            },
            tx,
          );
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
  const read = async (cursor: string | undefined) =>
    db.repoSnapshot.findMany({
      where: {
        repository: { organizationId, missingSince: null },
        ...(cursor ? { repositoryId: { gt: cursor } } : {}),
      },
      orderBy: { repositoryId: "asc" },
      take: pageSize,
      select: { repositoryId: true, facts: true, repository: { select: { fullName: true } } },
    });
  // Page N+1 is read, and then generated, while page N is generated and written:
  // Postgres's work and ours overlap instead of taking turns. Writes stay one at a time,
  // in page order (the audit chain); pages are disjoint, so a page's reads never see a
  // write in flight. Each promise gets a handler at once (it is awaited later), so a
  // failure meanwhile is not reported as unhandled.
  let next = read(undefined);
  let writing: Promise<void> = Promise.resolve();
  try {
    for (;;) {
      const page = await next;
      if (page.length === 0) break;
      next = page.length < pageSize ? Promise.resolve([]) : read(page[page.length - 1]!.repositoryId);
      next.catch(() => undefined);
      const plan = await planGenerationPage(
        db,
        template,
        org,
        page.map((p) => ({
          repositoryId: p.repositoryId,
          facts: repoFactsColumn.read(p.facts),
          fullName: p.repository.fullName,
        })),
      );
      summary.unchanged += plan.unchanged;
      await writing;
      writing = write(plan);
      writing.catch(() => undefined);
    }
    await writing;
  } finally {
    // A failure still lets the queries in flight finish before we return.
    await Promise.allSettled([next, writing]);
  }
  return { ...summary, durationMs: Math.round(performance.now() - started) };
}
