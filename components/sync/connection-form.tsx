"use client";
import { useActionState, useState } from "react";
import { FormFeedback } from "@/components/ui/form-feedback";
import { saveConnectionAction } from "./actions";

interface Current {
  kind: string;
  baseUrl: string;
  appId: number | null;
  installationId: number | null;
}

const input = "mt-1 w-full rounded-md border border-slate-300 px-2 py-1 text-sm";

/** Admins connect GitHub. Stored secrets are never shown: the fields are always blank. */
export function ConnectionForm({
  organizationId,
  current,
}: {
  organizationId: string;
  current: Current | null;
}) {
  const [state, action, pending] = useActionState(saveConnectionAction, null);
  const [kind, setKind] = useState(current?.kind === "app" ? "app" : "token");
  return (
    <form action={action} className="grid max-w-xl gap-3" data-testid="connection-form">
      <input type="hidden" name="organizationId" value={organizationId} />
      <fieldset className="flex gap-4 text-sm">
        <legend className="sr-only">Authentication</legend>
        {(["app", "token"] as const).map((k) => (
          <label key={k} className="flex items-center gap-1">
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
            {k === "app" ? "GitHub App" : "Token"}
          </label>
        ))}
      </fieldset>
      <label className="text-sm">
        API URL
        <input
          name="baseUrl"
          defaultValue={current?.baseUrl ?? "https://api.github.com"}
          className={input}
          required
        />
      </label>
      {kind === "app" ? (
        <>
          <label className="text-sm">
            App ID
            <input
              name="appId"
              inputMode="numeric"
              defaultValue={current?.appId ?? ""}
              className={input}
              required
            />
          </label>
          <label className="text-sm">
            Installation ID
            <input
              name="installationId"
              inputMode="numeric"
              defaultValue={current?.installationId ?? ""}
              className={input}
              required
            />
          </label>
          <label className="text-sm">
            Private key (PEM)
            <textarea
              name="privateKey"
              rows={4}
              className={`${input} font-mono`}
              required
              autoComplete="off"
            />
          </label>
        </>
      ) : (
        <label className="text-sm">
          Token
          <input name="token" type="password" className={input} required autoComplete="off" />
        </label>
      )}
      <label className="text-sm">
        Webhook secret (optional)
        <input name="webhookSecret" type="password" className={input} autoComplete="off" />
      </label>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-slate-900 px-3 py-1 text-sm text-white disabled:opacity-60"
        >
          {current ? "Replace connection" : "Connect GitHub"}
        </button>
        <FormFeedback
          state={state}
          success="Saved. The secret is stored encrypted and cannot be shown again."
        />
      </div>
    </form>
  );
}
