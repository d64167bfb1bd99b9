"use client";
import { useState, useTransition } from "react";
import { restoreRevisionAction } from "./actions";
import type { ModelChange } from "@/lib/threat-model/diff";
import type { ThreatModelActionState } from "./action-state";
import { buttonClass, inputClass } from "./labels";

export interface RevisionRow {
  revision: number;
  authorLogin: string | null;
  source: string;
  note: string;
  createdAt: string;
}

/** Every revision with who and when; any two diffed (a plain GET form); an old one restored as a new revision. */
export function RevisionHistory(props: {
  owner: string;
  name: string;
  current: number;
  revisions: RevisionRow[];
  diff: { from: number; to: number; changes: ModelChange[] } | null;
  canEdit: boolean;
}) {
  const { owner, name, current, revisions, diff, canEdit } = props;
  const [state, setState] = useState<ThreatModelActionState | null>(null);
  const [pending, startTransition] = useTransition();
  const restore = (n: number) =>
    startTransition(async () =>
      setState(await restoreRevisionAction({ owner, name, revision: current, restore: n })),
    );
  const options = revisions.map((r) => (
    <option key={r.revision} value={r.revision}>
      {r.revision}
    </option>
  ));
  return (
    <div className="space-y-3">
      <form method="get" className="flex flex-wrap items-end gap-2" aria-label="Compare two revisions">
        <label className="flex flex-col text-xs font-medium text-slate-700">
          From revision
          <select name="from" className={inputClass} defaultValue={diff?.from ?? Math.max(1, current - 1)}>
            {options}
          </select>
        </label>
        <label className="flex flex-col text-xs font-medium text-slate-700">
          To revision
          <select name="to" className={inputClass} defaultValue={diff?.to ?? current}>
            {options}
          </select>
        </label>
        <button type="submit" className={buttonClass}>
          Compare
        </button>
      </form>
      {diff ? (
        <div
          className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm"
          data-testid="revision-diff"
        >
          <h3 className="font-medium">
            Changes from revision {diff.from} to {diff.to}
          </h3>
          {diff.changes.length === 0 ? <p>No differences.</p> : null}
          <ul className="list-disc pl-5">
            {diff.changes.map((c) => (
              <li key={`${c.entity}:${c.id}`}>
                {c.entity} “{c.label}” {c.change}
                {c.fields.length ? `: ${c.fields.join(", ")}` : ""}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-red-700">
          {state.error}
        </p>
      ) : null}
      {state?.ok ? (
        <p role="status" className="text-sm text-emerald-700">
          Restored as revision {state.revision}.
        </p>
      ) : null}
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Revisions</caption>
        <thead className="text-xs text-slate-600">
          <tr>
            <th className="py-1">Revision</th>
            <th>When</th>
            <th>Who</th>
            <th>How</th>
            {canEdit ? (
              <th>
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {revisions.map((r) => (
            <tr key={r.revision} className="border-t border-slate-100">
              <td className="py-1">{r.revision}</td>
              <td>{new Date(r.createdAt).toISOString().replace("T", " ").slice(0, 16)} UTC</td>
              <td>{r.authorLogin ?? "Gatehouse"}</td>
              <td>
                {r.source}
                {r.note ? ` · ${r.note}` : ""}
              </td>
              {canEdit ? (
                <td>
                  {r.revision !== current ? (
                    <button
                      type="button"
                      className={`${buttonClass} py-0 text-xs`}
                      disabled={pending}
                      onClick={() => restore(r.revision)}
                    >
                      Restore revision {r.revision}
                    </button>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
