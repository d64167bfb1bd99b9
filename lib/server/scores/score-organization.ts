import "server-only";
import { z } from "zod";
import { getDb } from "../../db";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { loadActivePolicy } from "../internal/load-active-policy";
import { computeRepoScore, type RepoScoreRow } from "../../scoring/compute-repo-score";
import { writeRepoScores } from "../internal/write-repo-scores";
import { assembleRepoFacts } from "../../facts/assemble";
import { exceptionLapse, makeCheckContext } from "../../policy/index";
import { failingInstances } from "../../history/instances";
import { repoFacet } from "../../history/facet";
import { createOrgTally } from "../../history/org-tally";
import { recordRepoHistory, type ScoredRepo } from "../internal/record-repo-history";
import { recordOrgHistory } from "../internal/record-org-history";
import { syncRemediationTasks } from "../internal/sync-remediation-tasks";
import { matchesRepoPattern } from "../../policy/repo-pattern";
import { observeCheck } from "../../tasks/observe";
import { ownerIndex } from "../../tasks/owners";
import type { ScoredRepository } from "../../tasks/plan";
import { DEFAULT_TASK_SLA_DAYS } from "../../tasks/sla";
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
  /** Repository snapshots written (only repositories whose posture changed). */
  snapshots: number;
  /** Remediation tasks opened, moved (fixed, reopened, accepted) and refreshed. */
  tasks: { created: number; transitioned: number; refreshed: number };
  durationMs: number;
}

/**
 * Scores every current repository of one organisation from its stored snapshot, under
 * the active policy. Called by sync after a run (with `systemActor("sync")`) and after
 * every policy change; never talks to GitHub. Repositories are streamed in keyset pages
 * (memory stays flat, time grows linearly) and each page is written in one upsert.
 */
export async function scoreOrganization(
  actor: Actor | null,
  raw: unknown,
  /** `onPage` hears how many repositories are scored so far, after each page is written (progress bars). */
  hooks: { onPage?: (scored: number) => Promise<void> } = {},
): Promise<ScoreRunSummary> {
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
  let snapshots = 0;
  const tally = createOrgTally();
  const tasks = { created: 0, transitioned: 0, refreshed: 0 };
  const sla = policy.policy.taskSlaDays ?? DEFAULT_TASK_SLA_DAYS;
  for (;;) {
    const page = await db.repoSnapshot.findMany({
      where: {
        repository: { organizationId, missingSince: null },
        ...(cursor ? { repositoryId: { gt: cursor } } : {}),
      },
      orderBy: { repositoryId: "asc" },
      take: pageSize,
      select: {
        repositoryId: true,
        facts: true,
        syncedAt: true,
        syncRunId: true,
        repository: { select: { fullName: true } },
      },
    });
    if (page.length === 0) break;
    const rows: RepoScoreRow[] = [];
    const history: ScoredRepo[] = [];
    const scoredRepos: ScoredRepository[] = [];
    for (const snap of page) {
      const stored = repoFactsColumn.read(snap.facts);
      const row = await computeRepoScore(
        { repositoryId: snap.repositoryId, organizationId, facts: stored, syncedAt: snap.syncedAt },
        org,
        policy,
        now,
      );
      // History: the failing instances (fingerprinted) and the table's filter columns.
      const facts = assembleRepoFacts(stored, org);
      const ctx = makeCheckContext(policy.policy, `${facts.owner}/${facts.name}`, now);
      const instances = failingInstances(row.results, { repositoryId: row.repositoryId, organizationId });
      tally.add(row, instances);
      history.push({ row, instances, facet: repoFacet(facts, ctx, instances) });
      rows.push(row);
      const owners = ownerIndex(stored);
      scoredRepos.push({
        repositoryId: snap.repositoryId,
        critical: policy.policy.criticalRepos.some((p) => matchesRepoPattern(p, snap.repository.fullName)),
        syncRunId: snap.syncRunId,
        // An archived repository cannot be fixed: it gets no new tasks.
        checks: stored.archived ? [] : row.results.map((r) => observeCheck(r, owners)),
      });
    }
    // Before the scores: the stored score's computedAt is the previous scoring.
    snapshots += (await recordRepoHistory(db, organizationId, history, now)).snapshots;
    written += await writeRepoScores(db, rows, now);
    // Tasks follow the scores: a later scoring closes, reopens or accepts them.
    const t = await syncRemediationTasks(db, scoredRepos, {
      now,
      sla,
      lapse: (exceptionId) => exceptionLapse(policy.policy, exceptionId, now),
    });
    tasks.created += t.created;
    tasks.transitioned += t.transitioned;
    tasks.refreshed += t.refreshed;
    scored += rows.length;
    await hooks.onPage?.(scored);
    cursor = page[page.length - 1]!.repositoryId;
    if (page.length < pageSize) break;
  }
  await recordOrgHistory(db, organizationId, policy.version, tally.result(), now);
  return {
    organizationId,
    policyVersion: policy.version,
    scored,
    written,
    snapshots,
    tasks,
    durationMs: Math.round(performance.now() - started),
  };
}
