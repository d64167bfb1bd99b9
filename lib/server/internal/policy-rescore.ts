import "server-only";
import type PgBoss from "pg-boss";
import { getDb } from "../../db";
import { getDatabaseEnv } from "../../env";
import { getSenderBoss } from "../../sync/jobs/boss";
import { systemActor } from "../authz/actor";
import { scoreOrganization } from "../scores/score-organization";
import { appendAuditEntry } from "./append-audit-entry";

// Re-scoring after a policy save runs in the worker, not in the request: at 10,000
// repositories it takes tens of seconds. The save writes a PolicyRescore row and queues
// this job; the job records progress on the row after every page of repositories, which
// the policy page polls, and appends one audit entry when it ends.
export const QUEUE_POLICY_RESCORE = "gatehouse-policy-rescore";

export interface PolicyRescoreJob {
  rescoreId: string;
}

async function createPolicyRescoreQueue(boss: PgBoss): Promise<void> {
  // No retries: a failed run is shown as failed; the next save or sync scores again.
  await boss.createQueue(QUEUE_POLICY_RESCORE, {
    name: QUEUE_POLICY_RESCORE,
    retryLimit: 0,
    expireInSeconds: 60 * 60,
  });
}

/** Queues the re-scoring of a saved version; the web app's sender, or a given pg-boss. */
export async function enqueuePolicyRescore(rescoreId: string, boss?: PgBoss): Promise<void> {
  const sender = boss ?? (await getSenderBoss(getDatabaseEnv().DATABASE_URL));
  await createPolicyRescoreQueue(sender);
  await sender.send(QUEUE_POLICY_RESCORE, { rescoreId } satisfies PolicyRescoreJob, {
    singletonKey: rescoreId,
  });
}

/** Registered by the worker process (and the demo's in-process worker). */
export async function startPolicyRescoreWorker(boss: PgBoss): Promise<void> {
  await createPolicyRescoreQueue(boss);
  await boss.work<PolicyRescoreJob>(QUEUE_POLICY_RESCORE, async ([job]) => {
    if (job) await runPolicyRescore(job.data.rescoreId);
  });
}

/**
 * The job's body: every organisation with synced facts, one after the other, under the
 * active policy (a newer save's job re-scores again; scores never go back a version).
 */
export async function runPolicyRescore(
  rescoreId: string,
  /** Tests pin the clock, and page finely to see progress move. */
  opts: { now?: Date; pageSize?: number } = {},
): Promise<void> {
  const db = getDb();
  const run = await db.policyRescore.findUniqueOrThrow({ where: { id: rescoreId } });
  if (run.status === "succeeded") return;
  const orgs = await db.organization.findMany({
    where: { repositories: { some: { snapshot: { isNot: null } } } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  // The same population scoreOrganization pages through: current repositories with facts.
  const reposTotal = await db.repoSnapshot.count({
    where: { repository: { organizationId: { in: orgs.map((o) => o.id) }, missingSince: null } },
  });
  await db.policyRescore.update({
    where: { id: rescoreId },
    data: { status: "running", startedAt: new Date(), reposTotal, reposDone: 0 },
  });
  const actor = systemActor("policy-rescore");
  let done = 0;
  try {
    for (const { id } of orgs) {
      const base = done;
      const summary = await scoreOrganization(
        actor,
        { organizationId: id, now: opts.now, pageSize: opts.pageSize },
        {
          onPage: async (scored) => {
            await db.policyRescore.update({ where: { id: rescoreId }, data: { reposDone: base + scored } });
          },
        },
      );
      done = base + summary.scored;
    }
    await db.policyRescore.update({
      where: { id: rescoreId },
      data: { status: "succeeded", reposDone: done, finishedAt: new Date() },
    });
    await appendAuditEntry(actor, {
      action: "policy.rescored",
      targetType: "policy",
      targetId: String(run.policyVersion),
      details: { rescoreId, version: run.policyVersion, organizations: orgs.length, repositories: done },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.policyRescore.update({
      where: { id: rescoreId },
      data: { status: "failed", errorMessage: message.slice(0, 500), finishedAt: new Date() },
    });
    await appendAuditEntry(actor, {
      action: "policy.rescore_failed",
      targetType: "policy",
      targetId: String(run.policyVersion),
      details: { rescoreId, version: run.policyVersion, repositories: done },
    });
    throw error;
  }
}
