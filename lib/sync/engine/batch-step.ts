import { RequestStats } from "@/lib/github/stats";
import { FACTS_VERSION, repoFingerprint } from "../fingerprint";
import { actionRefsIn, resolveActionRefs, shasFor } from "../github/action-refs";
import {
  actionReposFor,
  actionRepoWants,
  newActionRepoCache,
  resolveActionRepos,
  type ActionRepoWants,
} from "../github/action-repos";
import { fetchFactsAdaptive, type FetchedRepo } from "../github/fetch-facts";
import { fetchRepoRest } from "../github/fetch-rest";
import { fetchTexts, planTexts, plannedBytes, type WantedText } from "../github/fetch-texts";
import { normaliseRepo } from "../normalise/repo";
import { PrismaEtagStore } from "../persist/etag-store";
import { upsertRepositories } from "../persist/repos";
import { addRunStats, nodeIdList } from "../persist/runs";
import { upsertSnapshots, type SnapshotRow } from "../persist/snapshots";
import type { SyncContext } from "./context";
import { countingFailures } from "./step-failure";
import { mapLimit } from "@/lib/util/map-limit";

// Step 2, one per batch of ≤100 changed repositories: one GraphQL request, the REST
// calls GraphQL cannot answer, then every write of the batch in one transaction (the
// batch's done flag included). A crash anywhere before commit leaves the previous facts
// untouched and the batch not done, so the retry converges to the same state.

export async function runBatchStep(
  ctx: SyncContext,
  runId: string,
  index: number,
): Promise<{ alreadyDone: boolean }> {
  const batch = await ctx.db.syncBatch.findUniqueOrThrow({ where: { runId_index: { runId, index } } });
  if (batch.done) return { alreadyDone: true };
  await ctx.db.syncBatch.update({
    where: { runId_index: { runId, index } },
    data: { attempts: { increment: 1 } },
  });

  const stats = new RequestStats();
  await countingFailures(ctx.db, runId, stats, () =>
    fetchAndWrite(ctx, runId, index, nodeIdList(batch.nodeIds), stats),
  );
  return { alreadyDone: false };
}

/** Repositories whose planned file texts exceed this are written in a separate transaction. */
const GROUP_TEXT_BUDGET = 24 * 1024 * 1024;

interface Planned {
  repo: FetchedRepo;
  wanted: WantedText[];
}

/** Splits the batch so no group holds more than GROUP_TEXT_BUDGET of file text (at least one group). */
function groupByTextBudget(plans: Planned[]): Planned[][] {
  const groups: Planned[][] = [[]];
  let bytes = 0;
  for (const p of plans) {
    const size = plannedBytes(p.wanted);
    if (groups.at(-1)!.length > 0 && bytes + size > GROUP_TEXT_BUDGET) {
      groups.push([]);
      bytes = 0;
    }
    groups.at(-1)!.push(p);
    bytes += size;
  }
  return groups;
}

async function fetchAndWrite(
  ctx: SyncContext,
  runId: string,
  index: number,
  nodeIds: string[],
  stats: RequestStats,
): Promise<void> {
  const etags = new PrismaEtagStore(ctx.db, ctx.connectionId);
  const client = await ctx.makeClient(stats, etags);
  const { repos } = await fetchFactsAdaptive(client, nodeIds);
  await etags.preload(repos.map((r) => `${ctx.baseUrl}/repos/${r.raw.owner.login}/${r.raw.name}`));
  const groups = groupByTextBudget(repos.map((repo) => ({ repo, wanted: planTexts(repo.raw) })));

  // Normally one group, so the whole batch commits at once. A batch of unusually large
  // repositories commits group by group (each repository's snapshot still atomic); the
  // batch is done only with the last group, so a crash in between is simply redone.
  for (const [g, group] of groups.entries()) {
    const last = g === groups.length - 1;
    await fetchTexts(
      client,
      group.flatMap((p) => p.wanted),
    );
    const built = await mapLimit(group, ctx.repoConcurrency ?? 16, async ({ repo }) => {
      const rest = await fetchRepoRest(client, repo.raw);
      const { facts, issues } = normaliseRepo(repo.raw, rest, repo.forbidden);
      return { raw: repo.raw, facts, issues };
    });

    // Tag → SHA for actions used by mutable refs, shared across the batch's repositories.
    const refKeys = built.map((b) => actionRefsIn(b.facts.files));
    const cache = (ctx.actionRefCache ??= new Map());
    await resolveActionRefs(client, [...new Set(refKeys.flat())].sort(), cache);
    built.forEach((b, i) => {
      const shas = shasFor(refKeys[i] ?? [], cache);
      if (shas) b.facts.actionRefShas = shas;
    });

    // Action repositories (archived, tags, reachability of pinned SHAs): each distinct
    // repository once for the whole batch, and once per sync through the context's cache.
    const repoWants = built.map((b) => actionRepoWants(b.facts.files));
    const wanted = mergeWants(repoWants);
    // Their validators are stored under the action repositories' URLs, not the batch's.
    await etags.preload([...wanted.keys()].map((k) => `${ctx.baseUrl}/repos/${k}`));
    const actionRepos = await resolveActionRepos(
      client,
      wanted,
      (ctx.actionRepoCache ??= newActionRepoCache()),
    );
    built.forEach((b, i) => {
      b.facts.actionRepos = actionReposFor(actionRepos, repoWants[i] ?? new Map());
    });

    await ctx.db.$transaction(
      async (tx) => {
        const ids = await upsertRepositories(
          tx,
          ctx.organizationId,
          built.map(({ raw }) => ({
            githubId: raw.databaseId,
            name: raw.name,
            fullName: `${raw.owner.login}/${raw.name}`,
            visibility: raw.visibility.toLowerCase(),
            archived: raw.isArchived,
            defaultBranch: raw.defaultBranchRef?.name ?? null,
          })),
        );
        const rows: SnapshotRow[] = built.map(({ raw, facts, issues }) => ({
          repositoryId: ids.get(raw.name)!,
          fingerprint: repoFingerprint(raw),
          headOid: raw.defaultBranchRef?.target?.oid ?? null,
          pushedAt: raw.pushedAt,
          factsVersion: FACTS_VERSION,
          facts,
          issues,
        }));
        await upsertSnapshots(tx, runId, rows);
        await etags.flush(tx);
        if (!last) return;
        const marked = await tx.syncBatch.updateMany({
          where: { runId, index, done: false },
          data: { done: true, doneAt: new Date() },
        });
        // Another worker finished this batch meanwhile: its counters already went in.
        if (marked.count === 1)
          await addRunStats(tx, runId, stats.snapshot(), { reposDone: repos.length, batchesDone: 1 });
        await ctx.beforeBatchCommit?.(runId, index);
      },
      { timeout: 120_000 },
    );
  }
}

function mergeWants(all: Array<Map<string, ActionRepoWants>>): Map<string, ActionRepoWants> {
  const out = new Map<string, ActionRepoWants>();
  for (const wants of all)
    for (const [key, w] of wants) {
      const m = out.get(key) ?? { shas: new Set<string>(), tags: new Set<string>() };
      w.shas.forEach((s) => m.shas.add(s));
      w.tags.forEach((t) => m.tags.add(t));
      out.set(key, m);
    }
  return out;
}
