import "server-only";
import type PgBoss from "pg-boss";
import { getDb } from "../../db";
import { exceptionLapse } from "../../policy";
import { systemActor } from "../authz/actor";
import { scoreOrganization } from "../scores/score-organization";
import { loadActivePolicy } from "./load-active-policy";

// Exceptions lapse by themselves: scoring ignores one past its expiresAt. Scores only run
// after a sync or a policy change, though, so a periodic job re-scores the organisations
// holding a task accepted under an exception that no longer applies: its findings fail
// again and the task reopens with the event "exception EX-… expired" (lib/tasks/plan.ts).
export const QUEUE_EXCEPTION_EXPIRY = "gatehouse-exception-expiry";
/** Every 15 minutes: an expired exception is back in the scores within a quarter of an hour. */
const EXPIRY_CRON = "*/15 * * * *";

export interface ExpirySweep {
  /** Organisations re-scored because a task's exception lapsed. */
  organizations: string[];
  /** Tasks moved by those scorings (reopened, among others). */
  transitioned: number;
}

/**
 * One sweep at `now` (tests pass the clock; the job uses the wall clock). An organisation is
 * re-scored when a task of it rests on an exception that no longer applies (expired, or
 * gone from the policy), or when an approved exception expired after its last scoring (an
 * instance-scoped one whose task is still open for other findings: its score is stale).
 */
export async function reopenLapsedExceptionTasks(now: Date): Promise<ExpirySweep> {
  const db = getDb();
  const policy = await loadActivePolicy(db);
  const accepted = await db.remediationTask.findMany({
    where: { status: "accepted_risk", exceptionId: { not: null } },
    select: { exceptionId: true, repository: { select: { organizationId: true } } },
    distinct: ["repositoryId", "exceptionId"],
  });
  const due = new Set(
    accepted
      .filter((t) => exceptionLapse(policy.policy, t.exceptionId!, now) !== null)
      .map((t) => t.repository.organizationId),
  );
  const expiries = policy.policy.exceptions
    .filter((e) => e.approver)
    .map((e) => Date.parse(e.expiresAt))
    .filter((at) => Number.isFinite(at) && at <= now.getTime());
  if (expiries.length > 0) {
    const lastScored = await db.orgScoreSnapshot.groupBy({
      by: ["organizationId"],
      _max: { takenAt: true },
    });
    for (const { organizationId, _max } of lastScored) {
      const scoredAt = _max.takenAt?.getTime() ?? -Infinity;
      if (expiries.some((at) => at > scoredAt)) due.add(organizationId);
    }
  }
  const organizations = [...due].sort();
  let transitioned = 0;
  for (const organizationId of organizations) {
    const run = await scoreOrganization(systemActor("exception-expiry"), { organizationId, now });
    transitioned += run.tasks.transitioned;
  }
  return { organizations, transitioned };
}

/** Registered by the worker process (and the demo) next to the sync queues. */
export async function startExceptionExpiryWorker(boss: PgBoss): Promise<void> {
  await boss.createQueue(QUEUE_EXCEPTION_EXPIRY);
  await boss.schedule(QUEUE_EXCEPTION_EXPIRY, EXPIRY_CRON, {}, { tz: "UTC" });
  await boss.work(QUEUE_EXCEPTION_EXPIRY, async () => {
    await reopenLapsedExceptionTasks(new Date());
  });
}
