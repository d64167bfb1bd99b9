"use client";
import { useActionState } from "react";
import { changeRoleAction, setDisabledAction } from "./actions";

const ROLE_OPTIONS = [
  ["admin", "Admin"],
  ["security_lead", "Security lead"],
  ["engineer", "Engineer"],
  ["auditor", "Auditor"],
] as const;

export function UserRowControls({
  userId,
  role,
  disabled,
  login,
}: {
  userId: string;
  role: string;
  disabled: boolean;
  login: string;
}) {
  const [roleState, roleAction, rolePending] = useActionState(changeRoleAction, null);
  const [disableState, disableAction, disablePending] = useActionState(setDisabledAction, null);
  const error =
    (roleState && !roleState.ok && roleState.error) ||
    (disableState && !disableState.ok && disableState.error);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={roleAction} className="flex items-center gap-2">
        <input type="hidden" name="userId" value={userId} />
        <label className="sr-only" htmlFor={`role-${userId}`}>
          Role of {login}
        </label>
        <select
          // React resets a form after its action; keyed by the saved role, the select then
          // shows what was saved (the new role once the page re-renders), never a stale pick.
          key={role}
          id={`role-${userId}`}
          name="role"
          defaultValue={role}
          className="rounded-md border border-slate-300 px-2 py-1 text-sm"
        >
          {ROLE_OPTIONS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <button
          type="submit"
          disabled={rolePending}
          className="rounded-md bg-slate-900 px-2.5 py-1 text-sm text-white disabled:opacity-60"
        >
          Save role
        </button>
      </form>
      <form action={disableAction}>
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
        <button
          type="submit"
          disabled={disablePending}
          className="rounded-md border border-slate-300 px-2.5 py-1 text-sm disabled:opacity-60"
        >
          {disabled ? "Enable" : "Disable"}
        </button>
      </form>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : roleState?.ok && roleState.message ? (
        <p role="status" className="text-sm text-emerald-700" data-testid="role-feedback">
          {roleState.message}
        </p>
      ) : null}
    </div>
  );
}
