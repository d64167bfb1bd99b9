"use client";
import { useActionState } from "react";
import { createApiKeyAction } from "./api-key-actions";

const ROLE_OPTIONS = [
  ["auditor", "Auditor (read only)"],
  ["engineer", "Engineer"],
  ["security_lead", "Security lead"],
  ["admin", "Admin"],
] as const;
const EXPIRY_DAYS = [7, 30, 90, 365] as const;

/** Creates a key and shows it once: it is not stored, so it cannot be shown again. */
export function ApiKeyCreateForm() {
  const [state, action, pending] = useActionState(createApiKeyAction, null);
  return (
    <div className="rounded-md border border-slate-200 bg-white p-4">
      <h2 className="text-lg font-semibold">New key</h2>
      <form action={action} className="mt-3 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">
          Name
          <input
            name="name"
            required
            maxLength={80}
            placeholder="ci-export"
            className="rounded-md border border-slate-300 px-2 py-1"
          />
        </label>
        <label className="flex flex-col gap-1">
          Role
          <select name="role" defaultValue="auditor" className="rounded-md border border-slate-300 px-2 py-1">
            {ROLE_OPTIONS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          Expires in
          <select
            name="expiresInDays"
            defaultValue="90"
            className="rounded-md border border-slate-300 px-2 py-1"
          >
            {EXPIRY_DAYS.map((d) => (
              <option key={d} value={d}>
                {d} days
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          Organisations (optional)
          <input
            name="organizations"
            maxLength={1000}
            placeholder="all; or acme, globex"
            aria-describedby="api-key-orgs-hint"
            className="rounded-md border border-slate-300 px-2 py-1"
          />
          <span id="api-key-orgs-hint" className="text-xs text-slate-600">
            Logins, comma-separated: the key sees only these.
          </span>
        </label>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-slate-900 px-3 py-1.5 text-white disabled:opacity-60"
        >
          Create key
        </button>
      </form>
      {state && !state.ok ? (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {state.error}
        </p>
      ) : null}
      {state?.ok ? (
        <div role="status" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          <p className="font-medium">
            Key &ldquo;{state.name}&rdquo; created. Copy it now: it is shown only once and cannot be
            recovered.
          </p>
          <label className="mt-2 block">
            <span className="sr-only">API key {state.name}</span>
            <input
              readOnly
              value={state.key}
              data-testid="new-api-key"
              onFocus={(e) => e.currentTarget.select()}
              className="w-full rounded-md border border-slate-300 bg-white px-2 py-1 font-mono"
            />
          </label>
          <p className="mt-2 text-slate-700">
            Use it as <code className="font-mono">Authorization: Bearer &lt;key&gt;</code> on{" "}
            <code className="font-mono">/api/v1</code>.
          </p>
        </div>
      ) : null}
    </div>
  );
}
