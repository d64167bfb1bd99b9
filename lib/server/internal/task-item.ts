import "server-only";
import { checkById } from "../../checks/catalogue";
import type { Severity } from "../../checks/types";
import { isOverdue } from "../../tasks/sla";
import type { TaskStatus } from "../../tasks/plan";
import type { TaskItem } from "./task-schemas";

export const TASK_ITEM_SELECT = {
  id: true,
  checkId: true,
  status: true,
  severity: true,
  priority: true,
  owners: true,
  assignee: true,
  dueAt: true,
  createdAt: true,
  closedAt: true,
  closedBySyncRunId: true,
  exceptionId: true,
  issueUrl: true,
  repository: { select: { fullName: true, organizationId: true } },
} as const;

export interface TaskRow {
  id: string;
  checkId: string;
  status: string;
  severity: string;
  priority: number;
  owners: unknown;
  assignee: string | null;
  dueAt: Date;
  createdAt: Date;
  closedAt: Date | null;
  closedBySyncRunId: string | null;
  exceptionId: string | null;
  issueUrl: string | null;
  repository: { fullName: string };
}

export function toTaskItem(row: TaskRow, now: Date): TaskItem {
  const owners = Array.isArray(row.owners)
    ? row.owners.filter((o): o is string => typeof o === "string")
    : [];
  return {
    id: row.id,
    repo: row.repository.fullName,
    check: row.checkId,
    checkTitle: checkById(row.checkId)?.title ?? row.checkId,
    status: row.status as TaskStatus,
    severity: row.severity as Severity,
    priority: row.priority,
    owner: owners[0] ?? null,
    owners,
    assignee: row.assignee,
    dueAt: row.dueAt,
    overdue: isOverdue(row, now),
    createdAt: row.createdAt,
    closedAt: row.closedAt,
    closedBySyncRunId: row.closedBySyncRunId,
    exceptionId: row.exceptionId,
    issueUrl: row.issueUrl,
  };
}
