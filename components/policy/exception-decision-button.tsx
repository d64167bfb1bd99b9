"use client";
import { useActionState } from "react";
import { approveExceptionAction, revokeExceptionAction } from "./actions";
import { ActionFeedback } from "./action-feedback";
import type { PolicyActionState } from "./action-state";

// The two decisions a security lead takes on an exception, each one small form: the
// exception id and the policy version the page showed (a stale page is refused).
const DECISIONS = {
  approve: {
    action: approveExceptionAction,
    label: "Approve",
    pendingLabel: null,
    className: "border-slate-300 hover:bg-slate-50",
  },
  revoke: {
    action: revokeExceptionAction,
    label: "Revoke",
    pendingLabel: "Revoking…",
    className: "border-red-300 text-red-800 hover:bg-red-50",
  },
} as const;

interface Props {
  exceptionId: string;
  version: number;
}

function ExceptionDecisionButton({
  decision,
  exceptionId,
  version,
}: Props & { decision: keyof typeof DECISIONS }) {
  const d = DECISIONS[decision];
  const [state, action, pending] = useActionState<PolicyActionState, FormData>(d.action, null);
  const label = `${d.label} ${exceptionId}`;
  return (
    <form action={action} aria-label={label} className="space-y-1">
      <input type="hidden" name="exceptionId" value={exceptionId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <button
        type="submit"
        disabled={pending}
        className={`rounded border px-2 py-1 text-xs font-medium disabled:opacity-60 ${d.className}`}
      >
        {pending && d.pendingLabel ? d.pendingLabel : label}
      </button>
      <ActionFeedback state={state} />
    </form>
  );
}

/** A second security lead approves a pending exception (the server refuses the requester). */
export function ApproveExceptionButton(props: Props) {
  return <ExceptionDecisionButton decision="approve" {...props} />;
}

/** A security lead withdraws an exception; its findings count again and its tasks reopen. */
export function RevokeExceptionButton(props: Props) {
  return <ExceptionDecisionButton decision="revoke" {...props} />;
}
