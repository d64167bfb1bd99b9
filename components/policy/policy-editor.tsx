"use client";
import { useState } from "react";
import { updatePolicyAction } from "./actions";
import { ActionFeedback } from "./action-feedback";
import { isStale, nextEditorBase, type EditorBase } from "./editor-base";
import { usePolicyForm } from "./use-policy-form";

/** The whole policy as JSON; the server validates it (every problem listed with its path) and saves a new version. */
export function PolicyEditor({ json, version }: { json: string; version: number }) {
  const { state, pending, ref, onSubmit } = usePolicyForm(updatePolicyAction);
  const incoming: EditorBase = { json, version };
  const [base, setBase] = useState<EditorBase>(incoming);
  const [dirty, setDirty] = useState(false);
  // A successful save (a new action state) makes the saved document the new, untouched base.
  const [seen, setSeen] = useState(state);
  const justSaved = state !== seen && state?.ok === true;
  if (state !== seen) {
    setSeen(state);
    if (justSaved) setDirty(false);
  }
  const next = nextEditorBase(base, incoming, dirty && !justSaved);
  if (next !== base) setBase(next); // adopt during render: the form never shows a mismatched pair
  return (
    <form ref={ref} onSubmit={onSubmit} className="space-y-3" aria-labelledby="edit-policy">
      <input type="hidden" name="expectedVersion" value={next.version} />
      <label htmlFor="policy-json" className="block text-sm font-medium">
        Policy document (JSON)
      </label>
      {isStale(next, incoming) ? (
        <p role="alert" className="text-sm text-amber-800" data-testid="policy-stale">
          Version {incoming.version} was saved after you started editing (your draft is based on version{" "}
          {next.version}). Saving will be refused: copy your change, reload, and apply it again.
        </p>
      ) : null}
      <textarea
        key={next.version}
        id="policy-json"
        name="policy"
        defaultValue={next.json}
        onChange={() => setDirty(true)}
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
          {pending ? "Saving…" : "Save as new version"}
        </button>
        <ActionFeedback state={state} />
      </div>
    </form>
  );
}
