"use client";
import { useActionState } from "react";
import { openTaskIssueAction } from "./actions";

/** Opens the task as an issue in its repository through the organisation's GitHub connection. */
export function OpenIssueButton({ id }: { id: string }) {
  const [state, action, pending] = useActionState(openTaskIssueAction, null);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50 disabled:opacity-60"
      >
        {pending ? "Opening…" : "Open as GitHub issue"}
      </button>
      {state && !state.ok ? (
        <span role="alert" className="text-xs text-red-700">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
