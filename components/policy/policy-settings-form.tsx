"use client";
import { SEVERITIES } from "@/lib/checks/types";
import { savePolicySettingsAction } from "./actions";
import { ActionFeedback } from "./action-feedback";
import { usePolicyForm } from "./use-policy-form";

export interface PolicySettings {
  weights: Record<(typeof SEVERITIES)[number], number>;
  criticalRepos: string[];
  productionEnvironmentPatterns: string[];
  productionEnvironments: string[];
}

const input = "w-full rounded-md border border-slate-300 px-2 py-1 text-sm";

function Lines({ id, label, hint, values }: { id: string; label: string; hint: string; values: string[] }) {
  return (
    <div>
      <label htmlFor={`policy-${id}`} className="block text-sm font-medium">
        {label}
      </label>
      <p id={`policy-${id}-hint`} className="text-xs text-slate-600">
        {hint}
      </p>
      <textarea
        id={`policy-${id}`}
        name={id}
        aria-describedby={`policy-${id}-hint`}
        defaultValue={values.join("\n")}
        rows={4}
        spellCheck={false}
        className={`${input} mt-1 font-mono text-xs`}
      />
    </div>
  );
}

/**
 * The everyday policy fields as a form. Only these fields are sent: the server keeps
 * exceptions and everything else from its own copy of `version`, so this form can never
 * undo an exception saved meanwhile (a stale `version` is refused as a conflict).
 */
export function PolicySettingsForm({ settings, version }: { settings: PolicySettings; version: number }) {
  const { state, pending, ref, onSubmit } = usePolicyForm(savePolicySettingsAction);
  return (
    // Keyed by version: a newly saved version's values replace the fields.
    <form key={version} ref={ref} onSubmit={onSubmit} className="space-y-4" aria-label="Policy settings">
      <input type="hidden" name="expectedVersion" value={version} />
      <fieldset>
        <legend className="text-sm font-medium">Weight per severity</legend>
        <p className="text-xs text-slate-600">How much a failing check of each severity lowers a score.</p>
        <div className="mt-1 grid grid-cols-2 gap-3 sm:grid-cols-4">
          {SEVERITIES.map((s) => (
            <div key={s}>
              <label htmlFor={`weight-${s}`} className="block text-sm capitalize">
                {s}
              </label>
              <input
                id={`weight-${s}`}
                name={`weight-${s}`}
                type="number"
                inputMode="decimal"
                min="0.01"
                max="1000"
                step="any"
                required
                defaultValue={settings.weights[s]}
                className={input}
              />
            </div>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3">
        <Lines
          id="criticalRepos"
          label="Critical repositories"
          hint="One owner/repo per line; * matches any part."
          values={settings.criticalRepos}
        />
        <Lines
          id="productionEnvironments"
          label="Production environments"
          hint="One owner/repo:environment per line."
          values={settings.productionEnvironments}
        />
        <Lines
          id="productionEnvironmentPatterns"
          label="Production environment name patterns"
          hint="One regular expression per line, matched against environment names."
          values={settings.productionEnvironmentPatterns}
        />
      </div>
      <div>
        <label htmlFor="settings-note" className="block text-sm font-medium">
          Note for the history <span className="font-normal text-slate-600">(optional)</span>
        </label>
        <input id="settings-note" name="note" maxLength={500} className={input} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-slate-900 px-3 py-1.5 text-sm text-white disabled:opacity-60"
        >
          {pending ? "Saving…" : "Save policy"}
        </button>
        <ActionFeedback state={state} />
      </div>
    </form>
  );
}
