"use client";
import { useActionState } from "react";
import { assignTaskAction } from "./actions";

/** Who works on a task and by when: engineers and security leads, on open work only. */
export function TaskAssignForm({
  id,
  status,
  assignee,
  dueAt,
}: {
  id: string;
  status: string;
  assignee: string | null;
  dueAt: string;
}) {
  const [state, action, pending] = useActionState(assignTaskAction, null);
  if (status !== "open" && status !== "in_progress") return null;
  return (
    <form action={action} className="mt-3 flex flex-wrap items-end gap-3 text-sm">
      <input type="hidden" name="id" value={id} />
      <label className="flex flex-col gap-1">
        Assignee
        <input
          name="assignee"
          defaultValue={assignee ?? ""}
          maxLength={141}
          placeholder="login or org/team"
          className="rounded-md border border-slate-300 px-2 py-1"
        />
      </label>
      <label className="flex flex-col gap-1">
        Due (UTC)
        <input
          type="date"
          name="dueAt"
          defaultValue={dueAt}
          className="rounded-md border border-slate-300 px-2 py-1"
        />
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-50 disabled:opacity-60"
      >
        Save assignment
      </button>
      {state?.ok ? (
        <span role="status" className="text-emerald-800">
          Saved.
        </span>
      ) : state ? (
        <span role="alert" className="text-red-700">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
