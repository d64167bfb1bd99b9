// The state machine of remediation tasks, as one pure function over a page of scored
// repositories and the tasks already stored for them. The server turns the plan into
// a handful of bulk statements (createMany, updateMany per group), so scoring 10,000
// repositories stays a few statements per page.
import type { Severity } from "../checks/types";
import type { ObservedCheck, TaskEvidence } from "./observe";
import { dueDate, taskPriority, type TaskSla } from "./sla";
import type { ExceptionLapse } from "../policy/exceptions";

export const TASK_STATUSES = ["open", "in_progress", "fixed", "accepted_risk"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export interface ScoredRepository {
  repositoryId: string;
  critical: boolean;
  /** The sync run whose facts were scored (RepoSnapshot.syncRunId). */
  syncRunId: string | null;
  checks: ObservedCheck[];
}

export interface StoredTask {
  id: string;
  repositoryId: string;
  checkId: string;
  status: TaskStatus;
  severity: string;
  priority: number;
  owners: string[];
  evidence: unknown;
  /** The policy exception the task was accepted under (status accepted_risk). */
  exceptionId: string | null;
}

export interface NewTask {
  repositoryId: string;
  checkId: string;
  severity: Severity;
  priority: number;
  owners: string[];
  evidence: TaskEvidence[];
  dueAt: Date;
}

export interface Transition {
  taskId: string;
  from: TaskStatus;
  to: TaskStatus;
  kind: "fixed" | "reopened" | "risk_accepted" | "exception_expired" | "exception_revoked";
  syncRunId: string | null;
  exceptionId: string | null;
  /** Set on reopening: the SLA runs again from now. */
  dueAt: Date | null;
  note: string | null;
}

export interface Refresh {
  taskId: string;
  severity: Severity;
  priority: number;
  owners: string[];
  evidence: TaskEvidence[];
}

export interface TaskPlan {
  create: NewTask[];
  transitions: Transition[];
  refresh: Refresh[];
}

// Key order is not kept by Postgres' jsonb, so stored evidence is compared canonically.
const canonical = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(canonical)
    : v && typeof v === "object"
      ? Object.fromEntries(
          Object.entries(v)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, x]) => [k, canonical(x)]),
        )
      : v;
const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

export interface PlanOptions {
  now: Date;
  sla: TaskSla;
  /** Why an exception no longer waives its check (expired, revoked); absent: a generic note. */
  lapse?: (exceptionId: string) => ExceptionLapse | null;
}

export function planTasks(repos: ScoredRepository[], stored: StoredTask[], opts: PlanOptions): TaskPlan {
  const byKey = new Map(stored.map((t) => [`${t.repositoryId}\u0000${t.checkId}`, t]));
  const plan: TaskPlan = { create: [], transitions: [], refresh: [] };
  for (const repo of repos) {
    for (const check of repo.checks) {
      const task = byKey.get(`${repo.repositoryId}\u0000${check.checkId}`);
      const priority = taskPriority(check.severity, repo.critical);
      const move = (to: TaskStatus, kind: Transition["kind"], extra: Partial<Transition> = {}) =>
        plan.transitions.push({
          taskId: task!.id,
          from: task!.status,
          to,
          kind,
          syncRunId: repo.syncRunId,
          exceptionId: null,
          dueAt: null,
          note: null,
          ...extra,
        });
      if (check.outcome === "undecided") continue;
      if (!task) {
        if (check.outcome !== "fail") continue;
        plan.create.push({
          repositoryId: repo.repositoryId,
          checkId: check.checkId,
          severity: check.severity,
          priority,
          owners: check.owners,
          evidence: check.evidence,
          dueAt: dueDate(check.severity, opts.now, opts.sla),
        });
        continue;
      }
      const active = task.status === "open" || task.status === "in_progress";
      if (check.outcome === "fail") {
        if (!active) {
          const dueAt = dueDate(check.severity, opts.now, opts.sla);
          const lapse =
            task.status === "accepted_risk" && task.exceptionId ? opts.lapse?.(task.exceptionId) : null;
          if (lapse) move("open", `exception_${lapse.reason}`, { dueAt, note: lapse.note });
          else
            move("open", "reopened", {
              dueAt,
              note:
                task.status !== "accepted_risk"
                  ? "the check fails again"
                  : task.exceptionId && opts.lapse
                    ? `a finding exception ${task.exceptionId} does not cover fails`
                    : "the policy exception expired or was revoked",
            });
        }
        const fresh = { severity: check.severity, priority, owners: check.owners, evidence: check.evidence };
        const old = {
          severity: task.severity,
          priority: task.priority,
          owners: task.owners,
          evidence: task.evidence,
        };
        if (!same(fresh, old)) plan.refresh.push({ taskId: task.id, ...fresh });
      } else if (check.outcome === "pass") {
        if (task.status !== "fixed") move("fixed", "fixed");
      } else if (
        task.status !== "accepted_risk" ||
        // Now waived by another exception (say the old one was revoked and a new one approved):
        // record it, so the task's expiry note names the exception it really rests on.
        (check.exceptionId !== null && task.exceptionId !== null && check.exceptionId !== task.exceptionId)
      ) {
        move("accepted_risk", "risk_accepted", {
          exceptionId: check.exceptionId,
          note: check.exceptionId ? `waived by policy exception ${check.exceptionId}` : "suppressed inline",
        });
      }
    }
  }
  return plan;
}
