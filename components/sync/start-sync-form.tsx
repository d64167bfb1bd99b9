"use client";
import { useActionState } from "react";
import { FormFeedback } from "@/components/ui/form-feedback";
import { startSyncAction } from "./actions";

/**
 * `disabled` is true while a run is queued or running: the "started" note shows only then,
 * so it never outlives the run (the progress bar and the run history say how it ended).
 */
export function StartSyncForm({ organizationId, disabled }: { organizationId: string; disabled: boolean }) {
  const [state, action, pending] = useActionState(startSyncAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="organizationId" value={organizationId} />
      <label className="sr-only" htmlFor={`kind-${organizationId}`}>
        Sync kind
      </label>
      <select
        id={`kind-${organizationId}`}
        name="kind"
        defaultValue="incremental"
        className="rounded-md border border-slate-300 px-2 py-1 text-sm"
      >
        <option value="incremental">Changed repositories</option>
        <option value="full">Full refresh</option>
      </select>
      <button
        type="submit"
        disabled={pending || disabled}
        className="rounded-md bg-slate-900 px-3 py-1 text-sm text-white disabled:opacity-60"
        data-testid="start-sync"
      >
        Start sync
      </button>
      {state && (!state.ok || disabled) ? (
        <FormFeedback state={state} success="Sync started: its progress shows below." />
      ) : null}
    </form>
  );
}
