"use client";
import { useActionState } from "react";
import { revokeApiKeyAction } from "./api-key-actions";

export function ApiKeyRevokeButton({ id, name }: { id: string; name: string }) {
  const [state, action, pending] = useActionState(revokeApiKeyAction, null);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Revoke ${name}`}
        className="rounded-md border border-slate-300 px-2.5 py-1 text-sm disabled:opacity-60"
      >
        Revoke
      </button>
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-red-700">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
