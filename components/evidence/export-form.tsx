"use client";
import { useActionState } from "react";
import { FormFeedback } from "@/components/ui/form-feedback";
import { exportPackAction } from "./actions";

const input = "rounded-md border border-slate-300 px-2 py-1 text-sm";

/** Auditors and security leads queue a signed pack: framework, scope, as-of date. */
export function ExportForm({
  frameworks,
  defaults,
}: {
  frameworks: { id: string; name: string }[];
  defaults: { framework: string; asOf: string; pattern: string; team: string; criticalOnly: boolean };
}) {
  const [state, action, pending] = useActionState(exportPackAction, null);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" data-testid="export-form">
      <label className="text-sm">
        <span className="block text-slate-600">Framework</span>
        <select name="framework" defaultValue={defaults.framework} className={input}>
          {frameworks.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="block text-slate-600">Repositories (pattern, empty for all)</span>
        <input name="pattern" defaultValue={defaults.pattern} placeholder="acme/*" className={input} />
      </label>
      <label className="text-sm">
        <span className="block text-slate-600">or team (CODEOWNERS)</span>
        <input name="team" defaultValue={defaults.team} placeholder="acme/web" className={input} />
      </label>
      <label className="text-sm">
        <span className="block text-slate-600">As of</span>
        <input type="date" name="asOf" defaultValue={defaults.asOf} className={input} />
      </label>
      <label className="flex items-center gap-1 text-sm">
        <input type="checkbox" name="critical" value="1" defaultChecked={defaults.criticalOnly} />
        Critical repositories only
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-slate-900 px-3 py-1 text-sm text-white disabled:opacity-60"
        data-testid="export-pack"
      >
        Export evidence pack
      </button>
      <FormFeedback state={state} success="Export queued." />
    </form>
  );
}
