"use client";
import { useActionState } from "react";
import { startSyncAction } from "@/app/(dashboard)/sync/actions";

export function StartSyncForm({ organizationId, disabled }: { organizationId: string; disabled: boolean }) {
  const [state, action, pending] = useActionState(startSyncAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="organizationId" value={organizationId} />
      <label className="sr-only" htmlFor={`kind-${organizationId}`}>
        Sync kind
      </label>
      <select id={`kind-${organizationId}`} name="kind" defaultValue="incremental" className="rounded-md border border-slate-300 px-2 py-1 text-sm">
        <option value="incremental">Changed repositories</option>
        <option value="full">Full refresh</option>
      </select>
      <button type="submit" disabled={pending || disabled} className="rounded-md bg-slate-900 px-3 py-1 text-sm text-white disabled:opacity-60" data-testid="start-sync">
        Start sync
      </button>
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-red-700">
          {state.error}
        </p>
      ) : null}
      {state?.ok ? (
        <p role="status" className="text-sm text-emerald-700">
          Sync queued.
        </p>
      ) : null}
    </form>
  );
}
