import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { appendAuditEntry } from "../internal/append-audit-entry";
import { authorize } from "../authz/authorize";
import { organizationFilter } from "../internal/org-scope";
import type { Actor } from "../authz/actor";
import { UpdateTaskStatusInput, type TaskItem } from "../internal/task-schemas";
import { TASK_ITEM_SELECT, toTaskItem } from "../internal/task-item";

/**
 * Engineers and security leads move a task between open and in progress (auditors are
 * refused and the refusal audited). Fixed and accepted risk are not set by hand: scoring
 * proves a fix, an approved policy exception accepts a risk.
 */
export async function updateTaskStatus(
  actor: Actor | null,
  raw: unknown,
  now = new Date(),
): Promise<TaskItem> {
  const who = await authorize(actor, "task:edit", {
    type: "task",
    id: String((raw as { id?: unknown })?.id ?? ""),
  });
  const { id, status, note } = UpdateTaskStatusInput.parse(raw);
  return getDb().$transaction(async (tx) => {
    const task = await tx.remediationTask.findFirst({
      where: { id, repository: await organizationFilter(who) },
      select: { status: true },
    });
    if (!task) throw new AppError("not_found", `No task ${id}.`);
    if (task.status !== "open" && task.status !== "in_progress")
      throw new AppError(
        "conflict",
        `The task is ${task.status.replace("_", " ")}; only open work can be moved.`,
      );
    const row = await tx.remediationTask.update({
      where: { id },
      data: { status },
      select: TASK_ITEM_SELECT,
    });
    if (task.status !== status) {
      await tx.remediationTaskEvent.create({
        data: {
          taskId: id,
          at: now,
          kind: "status_changed",
          fromStatus: task.status,
          toStatus: status,
          actorId: who.userId,
          note: note ?? null,
        },
      });
      await appendAuditEntry(
        who,
        {
          action: "task.status_changed",
          targetType: "task",
          targetId: id,
          details: { from: task.status, to: status },
        },
        tx,
      );
    }
    return toTaskItem(row, now);
  });
}
