"use client";
import { useActionState } from "react";
import { revokeExceptionAction } from "./actions";
import { ActionFeedback } from "./action-feedback";
import type { PolicyActionState } from "./action-state";

/** A security lead withdraws an exception; its findings count again and its tasks reopen. */
export function RevokeExceptionButton({ exceptionId, version }: { exceptionId: string; version: number }) {
  const [state, action, pending] = useActionState<PolicyActionState, FormData>(revokeExceptionAction, null);
  return (
    <form action={action} aria-label={`Revoke ${exceptionId}`} className="space-y-1">
      <input type="hidden" name="exceptionId" value={exceptionId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-red-300 px-2 py-1 text-xs font-medium text-red-800 hover:bg-red-50 disabled:opacity-60"
      >
        {pending ? "Revoking…" : `Revoke ${exceptionId}`}
      </button>
      <ActionFeedback state={state} />
    </form>
  );
}
