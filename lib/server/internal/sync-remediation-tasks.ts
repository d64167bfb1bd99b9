import "server-only";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import {
  planTasks,
  type ScoredRepository,
  type StoredTask,
  type TaskStatus,
  type Transition,
} from "../../tasks/plan";
import type { PlanOptions } from "../../tasks/plan";

// Internal (no authorisation): called by scoring with one page of scored repositories.
// The pure planner decides; this file turns its plan into few statements per page: one
// read of the page's tasks, one createMany for new tasks, one updateMany per group of
// identical transitions, one createMany for their events. Only tasks whose severity,
// owners or evidence changed get an UPDATE of their own.

const json = (v: unknown) => v as Prisma.InputJsonValue;

function transitionData(t: Transition, now: Date): Prisma.RemediationTaskUpdateManyMutationInput {
  if (t.to === "fixed") return { status: t.to, closedAt: now, closedBySyncRunId: t.syncRunId };
  if (t.to === "accepted_risk") return { status: t.to, closedAt: now, exceptionId: t.exceptionId };
  return {
    status: t.to,
    closedAt: null,
    closedBySyncRunId: null,
    exceptionId: null,
    ...(t.dueAt ? { dueAt: t.dueAt } : {}),
  };
}

export interface TaskSyncSummary {
  created: number;
  transitioned: number;
  refreshed: number;
}

export async function syncRemediationTasks(
  db: PrismaClient,
  repos: ScoredRepository[],
  opts: PlanOptions,
): Promise<TaskSyncSummary> {
  if (repos.length === 0) return { created: 0, transitioned: 0, refreshed: 0 };
  return db.$transaction(
    async (tx) => {
      const stored = await tx.remediationTask.findMany({
        where: { repositoryId: { in: repos.map((r) => r.repositoryId) } },
        select: {
          id: true,
          repositoryId: true,
          checkId: true,
          status: true,
          severity: true,
          priority: true,
          owners: true,
          evidence: true,
          exceptionId: true,
        },
      });
      const plan = planTasks(repos, stored as StoredTask[], opts);
      const events: Prisma.RemediationTaskEventCreateManyInput[] = [];

      // A concurrent scoring may have created some of these: skipDuplicates keeps its rows.
      const created =
        plan.create.length === 0
          ? []
          : await tx.remediationTask.createManyAndReturn({
              data: plan.create.map((c) => ({
                ...c,
                owners: c.owners,
                evidence: json(c.evidence),
                status: "open",
              })),
              skipDuplicates: true,
              select: { id: true },
            });
      for (const { id } of created)
        events.push({ taskId: id, at: opts.now, kind: "opened", toStatus: "open" });

      const groups = new Map<string, Transition[]>();
      for (const t of plan.transitions) {
        const key = JSON.stringify([t.from, t.to, t.syncRunId, t.exceptionId, t.dueAt?.getTime() ?? null]);
        groups.set(key, [...(groups.get(key) ?? []), t]);
      }
      let transitioned = 0;
      for (const group of groups.values()) {
        const first = group[0]!;
        // `status: from` guards against a person having moved the task since it was read.
        const { count } = await tx.remediationTask.updateMany({
          where: { id: { in: group.map((t) => t.taskId) }, status: first.from },
          data: transitionData(first, opts.now),
        });
        transitioned += count;
        for (const t of group)
          events.push({
            taskId: t.taskId,
            at: opts.now,
            kind: t.kind,
            fromStatus: t.from,
            toStatus: t.to as TaskStatus,
            syncRunId: t.syncRunId,
            note: t.note,
          });
      }
      for (const r of plan.refresh)
        await tx.remediationTask.update({
          where: { id: r.taskId },
          data: { severity: r.severity, priority: r.priority, owners: r.owners, evidence: json(r.evidence) },
        });
      if (events.length > 0) await tx.remediationTaskEvent.createMany({ data: events });
      return { created: created.length, transitioned, refreshed: plan.refresh.length };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}
