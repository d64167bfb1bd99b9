import { z } from "zod";
import { isoDate } from "@/lib/api/schemas";
import { SEVERITIES } from "@/lib/checks/types";
import type { TaskItem } from "@/lib/server/internal/task-schemas";
import type { ExceptionView } from "@/lib/server/policy/get-active-policy";
import { TASK_STATUSES } from "@/lib/tasks/plan";

// The policy exception an accepted-risk task rests on, so an integration can show who
// accepted the risk, why and until when without reading the policy document.
export const TaskExceptionSchema = z
  .object({
    id: z.string().meta({ description: "The policy exception id, e.g. EX-3-1" }),
    repo: z.string().meta({ description: "owner/name or a pattern with *" }),
    fingerprint: z
      .string()
      .nullable()
      .meta({ description: "One finding only (its fingerprint); null: the whole check" }),
    justification: z.string(),
    requestedBy: z.string().nullable(),
    approver: z.string().nullable().meta({ description: "The second security lead; null while pending" }),
    expiresAt: isoDate(),
    state: z.enum(["pending", "approved", "expired"]).meta({
      description:
        "pending: awaiting a second lead (waives nothing); approved: waives until expiresAt; expired",
    }),
  })
  .meta({ id: "TaskException" });

// One remediation task as GET /api/v1/tasks and PATCH /api/v1/tasks/{id} answer it.
export const TaskSchema = z
  .object({
    id: z.string(),
    repo: z.string().meta({ description: "owner/name" }),
    check: z.string(),
    checkTitle: z.string(),
    status: z.enum(TASK_STATUSES),
    severity: z.enum(SEVERITIES),
    priority: z.number().int().meta({ description: "Severity weight × 2 on a critical repository" }),
    owner: z.string().nullable().meta({ description: "The first suggested owner" }),
    owners: z.array(z.string()),
    assignee: z.string().nullable().meta({ description: "Who a person assigned it to; null: unassigned" }),
    dueAt: isoDate(),
    overdue: z.boolean(),
    createdAt: isoDate(),
    closedAt: isoDate().nullable(),
    closedBySyncRunId: z.string().nullable().meta({ description: "The sync run that proved the fix" }),
    exceptionId: z.string().nullable(),
    exception: TaskExceptionSchema.nullable().meta({
      description:
        "For an accepted-risk task, the exception it was accepted under; null for other tasks, and once the exception has left the policy (revoked: the task reopens at the re-scoring)",
    }),
    issueUrl: z.string().nullable(),
  })
  .meta({ id: "Task" });

const STATE = { pending: "pending", active: "approved", expired: "expired" } as const;

/** `exceptions`: the active policy's (getActivePolicy), where an accepted-risk task's exception is found. */
export function taskView(t: TaskItem, exceptions: readonly ExceptionView[]): z.input<typeof TaskSchema> {
  const e =
    t.status === "accepted_risk" && t.exceptionId
      ? exceptions.find((x) => x.id === t.exceptionId)
      : undefined;
  return {
    ...t,
    exception: e
      ? {
          id: e.id,
          repo: e.repo,
          fingerprint: e.fingerprint ?? null,
          justification: e.justification,
          requestedBy: e.requestedBy ?? null,
          approver: e.approver ?? null,
          expiresAt: new Date(e.expiresAt).toISOString(),
          state: STATE[e.status],
        }
      : null,
    dueAt: t.dueAt.toISOString(),
    createdAt: t.createdAt.toISOString(),
    closedAt: t.closedAt?.toISOString() ?? null,
  };
}
