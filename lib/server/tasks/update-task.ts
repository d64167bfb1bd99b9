import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { appendAuditEntry } from "../internal/append-audit-entry";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { assertOrgScope } from "../internal/org-scope";
import { UpdateTaskInput, type TaskItem } from "../internal/task-schemas";
import { TASK_ITEM_SELECT, toTaskItem } from "../internal/task-item";

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Engineers and security leads change open work: move it between open and in progress,
 * assign it, or set its due date (auditors and admins are refused and the refusal
 * audited). The tasks board and PATCH /api/v1/tasks/{id} both call this. Fixed and
 * accepted risk are not set by hand: scoring proves a fix, an approved exception accepts a risk.
 */
export async function updateTask(actor: Actor | null, raw: unknown, now = new Date()): Promise<TaskItem> {
  const who = await authorize(actor, "task:edit", {
    type: "task",
    id: String((raw as { id?: unknown })?.id ?? ""),
  });
  const parsed = UpdateTaskInput.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("invalid", `${issue?.path.join(".") || "input"}: ${issue?.message ?? "invalid"}`);
  }
  const { id, status, assignee, dueAt, note } = parsed.data;
  return getDb().$transaction(async (tx) => {
    const task = await tx.remediationTask.findUnique({
      where: { id },
      select: {
        status: true,
        assignee: true,
        dueAt: true,
        repository: { select: { organizationId: true } },
      },
    });
    if (!task) throw new AppError("not_found", `No task ${id}.`);
    assertOrgScope(who, task.repository.organizationId, `No task ${id}.`);
    if (task.status !== "open" && task.status !== "in_progress")
      throw new AppError(
        "conflict",
        `The task is ${task.status.replace("_", " ")}; only open work can be changed.`,
      );
    const row = await tx.remediationTask.update({
      where: { id },
      data: {
        ...(status ? { status } : {}),
        ...(assignee !== undefined ? { assignee } : {}),
        ...(dueAt ? { dueAt } : {}),
      },
      select: TASK_ITEM_SELECT,
    });
    const base = { taskId: id, at: now, actorId: who.userId };
    const audit = (action: string, details: Record<string, unknown>) =>
      appendAuditEntry(who, { action, targetType: "task", targetId: id, details }, tx);
    if (status && task.status !== status) {
      await tx.remediationTaskEvent.create({
        data: {
          ...base,
          kind: "status_changed",
          fromStatus: task.status,
          toStatus: status,
          note: note ?? null,
        },
      });
      await audit("task.status_changed", { from: task.status, to: status });
    }
    if (assignee !== undefined && assignee !== task.assignee) {
      await tx.remediationTaskEvent.create({
        data: { ...base, kind: "assigned", note: assignee ?? "unassigned" },
      });
      await audit("task.assigned", { from: task.assignee, to: assignee });
    }
    if (dueAt && dueAt.getTime() !== task.dueAt.getTime()) {
      await tx.remediationTaskEvent.create({
        data: { ...base, kind: "due_changed", note: `${day(task.dueAt)} → ${day(dueAt)}` },
      });
      await audit("task.due_changed", { from: task.dueAt.toISOString(), to: dueAt.toISOString() });
    }
    return toTaskItem(row, now);
  });
}
