"use client";
import { useState, useTransition } from "react";
import { importThreatModelAction } from "./actions";
import type { ThreatModelActionState } from "./action-state";
import { buttonClass, inputClass } from "./labels";

/** Downloads (THREATS.md, Threat Dragon v2) for everyone; imports for editors, as a new revision. */
export function ImportExport({
  owner,
  name,
  revision,
  canEdit,
}: {
  owner: string;
  name: string;
  revision: number;
  canEdit: boolean;
}) {
  const [format, setFormat] = useState<"markdown" | "threat-dragon">("markdown");
  const [state, setState] = useState<ThreatModelActionState | null>(null);
  const [pending, startTransition] = useTransition();
  const base = `/repos/${owner}/${name}/threat-model/export`;
  const onFile = (file: File | undefined) => {
    if (!file) return;
    startTransition(async () => {
      setState(await importThreatModelAction({ owner, name, revision, format, text: await file.text() }));
    });
  };
  return (
    <div className="space-y-3 text-sm">
      <p className="flex flex-wrap gap-3">
        <a className="underline" href={`${base}?format=markdown`} download>
          Download THREATS.md
        </a>
        <a className="underline" href={`${base}?format=threat-dragon`} download>
          Download Threat Dragon v2 JSON
        </a>
      </p>
      {canEdit ? (
        <div className="flex flex-wrap items-end gap-2">
          <label className="flex flex-col text-xs font-medium text-slate-700">
            Import format
            <select
              className={inputClass}
              value={format}
              onChange={(e) => setFormat(e.target.value as typeof format)}
            >
              <option value="markdown">THREATS.md</option>
              <option value="threat-dragon">Threat Dragon v2 JSON</option>
            </select>
          </label>
          <label className="flex flex-col text-xs font-medium text-slate-700">
            File to import (replaces the model as a new revision)
            <input
              type="file"
              className={buttonClass}
              disabled={pending}
              accept=".md,.json,text/markdown,application/json"
              onChange={(e) => onFile(e.target.files?.[0])}
            />
          </label>
        </div>
      ) : null}
      {state && !state.ok ? (
        <p role="alert" className="text-red-700">
          {state.error}
        </p>
      ) : null}
      {state?.ok ? (
        <p role="status" className="text-emerald-700">
          Imported as revision {state.revision}.
        </p>
      ) : null}
    </div>
  );
}
