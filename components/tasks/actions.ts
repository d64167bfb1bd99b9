"use server";
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth";
import { runAction, type ActionResult } from "@/lib/server/action-result";
import { openTaskIssue } from "@/lib/server/tasks/open-task-issue";
import { updateTask } from "@/lib/server/tasks/update-task";

// The server refuses auditors here even when the button is absent and the action is
// posted by hand: updateTask authorises task:edit itself.
export async function updateTaskStatusAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await updateTask(await getActor(), { id: form.get("id"), status: form.get("status") });
    revalidatePath("/tasks");
  });
}

export async function openTaskIssueAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const id = form.get("id");
    await openTaskIssue(await getActor(), { id });
    revalidatePath(`/tasks/${String(id)}`);
  });
}

/** Assign a task and set its due date (blank assignee unassigns; blank date keeps it). */
export async function assignTaskAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const id = form.get("id");
    const assignee = String(form.get("assignee") ?? "").trim();
    const dueAt = String(form.get("dueAt") ?? "").trim();
    await updateTask(await getActor(), {
      id,
      assignee: assignee || null,
      ...(dueAt ? { dueAt } : {}),
    });
    revalidatePath(`/tasks/${String(id)}`);
  });
}
