"use client";
import { addExceptionAction } from "./actions";
import { ActionFeedback } from "./action-feedback";
import { usePolicyForm } from "./use-policy-form";

export interface ExceptionFormProps {
  version: number;
  checks: Array<{ id: string; title: string }>;
  /** `fingerprint`: opened from one finding, so the form offers "this finding only". */
  defaults: { checkId?: string; repo?: string; fingerprint?: string; expiresAt: string };
  approver: string;
}

/** Request accepting one check's risk for a repository (or pattern) until a date; a second lead approves it. */
export function ExceptionForm({ version, checks, defaults, approver }: ExceptionFormProps) {
  const { state, pending, ref, onSubmit } = usePolicyForm(addExceptionAction);
  const input = "w-full rounded-md border border-slate-300 px-2 py-1 text-sm";
  return (
    <form ref={ref} onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2" aria-label="Add exception">
      <input type="hidden" name="expectedVersion" value={version} />
      <div>
        <label htmlFor="ex-check" className="block text-sm font-medium">
          Check
        </label>
        <select id="ex-check" name="checkId" defaultValue={defaults.checkId ?? ""} required className={input}>
          <option value="" disabled>
            Choose a check…
          </option>
          {checks.map((c) => (
            <option key={c.id} value={c.id}>
              {c.id} — {c.title}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="ex-repo" className="block text-sm font-medium">
          Repository <span className="font-normal text-slate-500">(owner/repo, * allowed)</span>
        </label>
        <input
          id="ex-repo"
          name="repo"
          defaultValue={defaults.repo ?? ""}
          required
          placeholder="acme/legacy-*"
          className={input}
        />
      </div>
      {defaults.fingerprint ? (
        <fieldset className="sm:col-span-2" data-testid="exception-scope">
          <legend className="block text-sm font-medium">Scope</legend>
          <label className="mr-4 inline-flex items-center gap-1 text-sm">
            <input type="radio" name="fingerprint" value={defaults.fingerprint} defaultChecked />
            This finding only <code className="text-xs text-slate-600">{defaults.fingerprint}</code>
          </label>
          <label className="inline-flex items-center gap-1 text-sm">
            <input type="radio" name="fingerprint" value="" />
            The whole check in this repository
          </label>
        </fieldset>
      ) : null}
      <div className="sm:col-span-2">
        <label htmlFor="ex-why" className="block text-sm font-medium">
          Justification
        </label>
        <textarea id="ex-why" name="justification" required minLength={10} rows={2} className={input} />
      </div>
      <div>
        <label htmlFor="ex-expires" className="block text-sm font-medium">
          Expires on
        </label>
        {/* The browser shows the date in its own format; what is stored is that day at 00:00 UTC. */}
        <p id="ex-expires-hint" className="text-xs text-slate-600">
          Ends at 00:00 UTC on this day.
        </p>
        <input
          id="ex-expires"
          name="expiresAt"
          aria-describedby="ex-expires-hint"
          type="date"
          defaultValue={defaults.expiresAt}
          required
          className={input}
        />
      </div>
      <div className="flex items-end text-sm text-slate-600">
        Requested by {approver}; another security lead approves.
      </div>
      <div className="flex items-center gap-3 sm:col-span-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-slate-900 px-3 py-1.5 text-sm text-white disabled:opacity-60"
        >
          {pending ? "Saving…" : "Add exception"}
        </button>
        <ActionFeedback state={state} />
      </div>
    </form>
  );
}
