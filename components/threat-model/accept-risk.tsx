"use client";
import { useId, useState, useTransition } from "react";
import { acceptThreatRiskAction } from "./actions";
import type { ThreatModelActionState } from "./action-state";
import { buttonClass, inputClass, primaryButtonClass } from "./labels";

/**
 * "Accept risk" for one threat: a justification and an expiry, sent to the server, which
 * files one policy exception per check control (pending until a second security lead
 * approves, as for tasks) and saves the threat as accepted. Shown only to roles that may
 * approve exceptions; the server refuses everyone else.
 */
export function AcceptRisk(props: {
  owner: string;
  name: string;
  revision: number;
  threatId: string;
  threatTitle: string;
  /** Already accepted: no button, but the confirmation of the acceptance just made stays. */
  accepted: boolean;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<ThreatModelActionState | null>(null);
  const [pending, startTransition] = useTransition();
  const submit = (form: FormData) =>
    startTransition(async () => {
      const result = await acceptThreatRiskAction({
        owner: props.owner,
        name: props.name,
        revision: props.revision,
        threatId: props.threatId,
        justification: String(form.get("justification") ?? ""),
        expiresAt: String(form.get("expiresAt") ?? ""),
      });
      setState(result);
      if (result.ok) setOpen(false);
    });
  if (props.accepted && !state) return null;
  return (
    <div className="mt-2">
      {props.accepted ? null : (
        <button type="button" className={buttonClass} aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? "Cancel" : `Accept risk of “${props.threatTitle}”`}
        </button>
      )}
      {open && !props.accepted ? (
        <form action={submit} className="mt-2 grid gap-2 sm:grid-cols-3">
          <label
            htmlFor={`${id}-why`}
            className="flex flex-col text-xs font-medium text-slate-700 sm:col-span-2"
          >
            Justification
            <textarea
              id={`${id}-why`}
              name="justification"
              required
              rows={2}
              maxLength={2000}
              className={inputClass}
            />
          </label>
          <label htmlFor={`${id}-until`} className="flex flex-col text-xs font-medium text-slate-700">
            Expires on (UTC)
            <input id={`${id}-until`} name="expiresAt" type="date" required className={inputClass} />
          </label>
          <div className="sm:col-span-3">
            <button type="submit" className={primaryButtonClass} disabled={pending}>
              Request the exception
            </button>
          </div>
        </form>
      ) : null}
      {state && !state.ok ? (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {state.error}
        </p>
      ) : null}
      {state?.ok ? (
        <p role="status" className="mt-1 text-sm text-amber-900">
          Risk accepted in revision {state.revision}; the exception waits for another security lead&apos;s
          approval on the policy page.
        </p>
      ) : null}
    </div>
  );
}
