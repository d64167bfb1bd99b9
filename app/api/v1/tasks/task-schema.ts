import { z } from "zod";
import { isoDate } from "@/lib/api/schemas";
import { SEVERITIES } from "@/lib/checks/types";
import type { TaskItem } from "@/lib/server/internal/task-schemas";
import { TASK_STATUSES } from "@/lib/tasks/plan";

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
    issueUrl: z.string().nullable(),
  })
  .meta({ id: "Task" });

export function taskView(t: TaskItem): z.input<typeof TaskSchema> {
  return {
    ...t,
    dueAt: t.dueAt.toISOString(),
    createdAt: t.createdAt.toISOString(),
    closedAt: t.closedAt?.toISOString() ?? null,
  };
}
