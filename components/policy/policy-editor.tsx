"use client";
import { updatePolicyAction } from "./actions";
import { ActionFeedback } from "./action-feedback";
import { usePolicyForm } from "./use-policy-form";

/** The whole policy as JSON; the server validates it (every problem listed with its path) and saves a new version. */
export function PolicyEditor({ json, version }: { json: string; version: number }) {
  const { state, pending, ref, onSubmit } = usePolicyForm(updatePolicyAction);
  return (
    <form ref={ref} onSubmit={onSubmit} className="space-y-3" aria-labelledby="edit-policy">
      <input type="hidden" name="expectedVersion" value={version} />
      <label htmlFor="policy-json" className="block text-sm font-medium">
        Policy document (JSON)
      </label>
      <textarea
        id="policy-json"
        name="policy"
        defaultValue={json}
        rows={18}
        spellCheck={false}
        className="w-full rounded-md border border-slate-300 p-3 font-mono text-xs"
      />
      <label htmlFor="policy-note" className="block text-sm font-medium">
        Note for the history <span className="font-normal text-slate-500">(optional)</span>
      </label>
      <input
        id="policy-note"
        name="note"
        maxLength={500}
        className="w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
      />
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-slate-900 px-3 py-1.5 text-sm text-white disabled:opacity-60"
        >
          {pending ? "Saving and re-scoring…" : "Save as new version"}
        </button>
        <ActionFeedback state={state} />
      </div>
    </form>
  );
}
