"use client";
import { useActionState } from "react";
import { updateTaskStatusAction } from "./actions";

/** Start or stop work on a task; fixed and accepted risk are set by scoring, never here. */
export function TaskStatusControls({ id, status, label }: { id: string; status: string; label: string }) {
  const [state, action, pending] = useActionState(updateTaskStatusAction, null);
  if (status !== "open" && status !== "in_progress") return null;
  const next = status === "open" ? "in_progress" : "open";
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="status" value={next} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`${next === "in_progress" ? "Start work" : "Stop work"} on ${label}`}
        className="rounded-md border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50 disabled:opacity-60"
      >
        {next === "in_progress" ? "Start work" : "Stop work"}
      </button>
      {state && !state.ok ? (
        <span role="alert" className="text-xs text-red-700">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
