"use client";
import { useActionState } from "react";
import { approveExceptionAction } from "./actions";
import { ActionFeedback } from "./action-feedback";
import type { PolicyActionState } from "./action-state";

/** A second security lead approves a pending exception (the server refuses the requester). */
export function ApproveExceptionButton({ exceptionId, version }: { exceptionId: string; version: number }) {
  const [state, action, pending] = useActionState<PolicyActionState, FormData>(approveExceptionAction, null);
  return (
    <form action={action} aria-label={`Approve ${exceptionId}`} className="space-y-1">
      <input type="hidden" name="exceptionId" value={exceptionId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-50 disabled:opacity-60"
      >
        Approve {exceptionId}
      </button>
      <ActionFeedback state={state} />
    </form>
  );
}
