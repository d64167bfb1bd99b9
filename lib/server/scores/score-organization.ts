import "server-only";
import { z } from "zod";
import { getDb } from "../../db";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { loadActivePolicy } from "../internal/load-active-policy";
import { computeRepoScore, type RepoScoreRow } from "../../scoring/compute-repo-score";
import { writeRepoScores } from "../internal/write-repo-scores";
import { orgPartColumn, repoFactsColumn } from "../internal/json-columns";

const input = z.object({
  organizationId: z.string().min(1),
  /** The clock exceptions and secret ages are judged against (tests pin it). */
  now: z.date().optional(),
  pageSize: z.number().int().min(1).max(1000).default(200),
});

export interface ScoreRunSummary {
  organizationId: string;
  policyVersion: number;
  scored: number;
  written: number;
  durationMs: number;
}

/**
 * Scores every current repository of one organisation from its stored snapshot, under
 * the active policy. Called by sync after a run (with `systemActor("sync")`) and after
 * every policy change; never talks to GitHub. Repositories are streamed in keyset pages
 * (memory stays flat, time grows linearly) and each page is written in one upsert.
 */
export async function scoreOrganization(actor: Actor | null, raw: unknown): Promise<ScoreRunSummary> {
  await authorize(actor, "sync:start", {
    type: "organization",
    id: String((raw as { organizationId?: unknown })?.organizationId ?? ""),
  });
  const { organizationId, now = new Date(), pageSize } = input.parse(raw);
  const started = performance.now();
  const db = getDb();
  const policy = await loadActivePolicy(db);
  const orgRow = await db.orgSnapshot.findUnique({ where: { organizationId }, select: { facts: true } });
  const org = orgRow ? orgPartColumn.read(orgRow.facts) : null;

  let cursor: string | undefined;
  let scored = 0;
  let written = 0;
  for (;;) {
    const page = await db.repoSnapshot.findMany({
      where: {
        repository: { organizationId, missingSince: null },
        ...(cursor ? { repositoryId: { gt: cursor } } : {}),
      },
      orderBy: { repositoryId: "asc" },
      take: pageSize,
      select: { repositoryId: true, facts: true, syncedAt: true },
    });
    if (page.length === 0) break;
    const rows: RepoScoreRow[] = [];
    for (const snap of page) {
      rows.push(
        await computeRepoScore(
          {
            repositoryId: snap.repositoryId,
            facts: repoFactsColumn.read(snap.facts),
            syncedAt: snap.syncedAt,
          },
          org,
          policy,
          now,
        ),
      );
    }
    written += await writeRepoScores(db, rows, now);
    scored += rows.length;
    cursor = page[page.length - 1]!.repositoryId;
    if (page.length < pageSize) break;
  }
  return {
    organizationId,
    policyVersion: policy.version,
    scored,
    written,
    durationMs: Math.round(performance.now() - started),
  };
}
