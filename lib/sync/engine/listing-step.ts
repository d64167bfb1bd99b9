import { RequestStats } from "@/lib/github/stats";
import { FACTS_BATCH_SIZE } from "@/lib/github/queries/repo-facts";
import { FACTS_VERSION, repoFingerprint } from "../fingerprint";
import { fetchOrgPart } from "../github/fetch-org";
import { fetchRegistryFacts } from "../github/fetch-registry";
import { listOrNull } from "../github/rest-get";
import { listOrgRepos } from "../github/list-repos";
import { PrismaEtagStore } from "../persist/etag-store";
import { markMissing, upsertRepositories } from "../persist/repos";
import { memberLogins, replaceOrgMembers } from "../persist/members";
import { addRunStats, nodeIdList } from "../persist/runs";
import { loadFingerprints, upsertOrgSnapshot } from "../persist/snapshots";
import type { SyncContext } from "./context";
import { countingFailures } from "./step-failure";

// Step 1 of a run: org-wide facts, the cheap listing, the change decision and the batch
// plan, committed in one transaction. Re-running it after a crash redoes the reads; once
// committed (listingComplete) it is a no-op, so the plan never changes under a run.

export async function runListingStep(ctx: SyncContext, runId: string): Promise<{ batches: number }> {
  const run = await ctx.db.syncRun.findUniqueOrThrow({ where: { id: runId } });
  if (run.listingComplete) return { batches: run.batchesTotal };
  if (run.status === "queued")
    await ctx.db.syncRun.update({ where: { id: runId }, data: { status: "running", startedAt: new Date() } });

  const stats = new RequestStats();
  return countingFailures(ctx.db, runId, stats, () => listAndPlan(ctx, runId, run, stats));
}

async function listAndPlan(
  ctx: SyncContext,
  runId: string,
  run: { kind: string; targets: unknown },
  stats: RequestStats,
): Promise<{ batches: number }> {
  const etags = new PrismaEtagStore(ctx.db, ctx.connectionId);
  await etags.preload([`${ctx.baseUrl}/orgs/${ctx.orgLogin}`]);
  const client = await ctx.makeClient(stats, etags);
  const org = await fetchOrgPart(client, ctx.orgLogin);
  // Who may sign in is re-read at every sync: one org-level list (conditional, 304 when unchanged).
  const members = memberLogins(
    await listOrNull(client.octokit, "GET /orgs/{org}/members", { org: ctx.orgLogin }),
  );
  if (ctx.registry) org.part.registry = await fetchRegistryFacts(client, ctx.orgLogin, ctx.registry);

  let nodeIds: string[];
  let listing: Awaited<ReturnType<typeof listOrgRepos>> | null = null;
  if (run.kind === "targeted") {
    nodeIds = [...new Set(nodeIdList(run.targets))].sort();
  } else {
    listing = await listOrgRepos(client, ctx.orgLogin);
    const known = run.kind === "full" ? new Map() : await loadFingerprints(ctx.db, ctx.organizationId);
    nodeIds = listing.repos
      .filter((r) => {
        const prev = known.get(r.name);
        return !prev || prev.factsVersion !== FACTS_VERSION || prev.fingerprint !== repoFingerprint(r);
      })
      .map((r) => r.id);
  }

  await ctx.db.$transaction(
    async (tx) => {
      await upsertOrgSnapshot(tx, ctx.organizationId, runId, org.part, org.issues);
      // An unreadable list (token without read:org) changes nothing: never lock everyone out.
      if (members) await replaceOrgMembers(tx, ctx.organizationId, members);
      if (listing) {
        await upsertRepositories(
          tx,
          ctx.organizationId,
          listing.repos.map((r) => ({
            githubId: r.databaseId,
            name: r.name,
            fullName: `${ctx.orgLogin}/${r.name}`,
            visibility: r.visibility.toLowerCase(),
            archived: r.isArchived,
            defaultBranch: r.defaultBranchRef?.name ?? null,
          })),
        );
        // Only here, with the whole listing in hand, may absence mean "gone".
        await markMissing(
          tx,
          ctx.organizationId,
          listing.repos.map((r) => r.name),
        );
      }
      const batches: Array<{ runId: string; index: number; nodeIds: string[] }> = [];
      for (let i = 0; i < nodeIds.length; i += FACTS_BATCH_SIZE)
        batches.push({ runId, index: batches.length, nodeIds: nodeIds.slice(i, i + FACTS_BATCH_SIZE) });
      if (batches.length) await tx.syncBatch.createMany({ data: batches, skipDuplicates: true });
      await etags.flush(tx);
      await tx.syncRun.update({
        where: { id: runId },
        data: {
          listingComplete: true,
          reposSeen: listing ? listing.repos.length : nodeIds.length,
          reposChanged: nodeIds.length,
          batchesTotal: batches.length,
        },
      });
      await addRunStats(tx, runId, stats.snapshot());
    },
    { timeout: 60_000 },
  );
  return { batches: Math.ceil(nodeIds.length / FACTS_BATCH_SIZE) };
}
