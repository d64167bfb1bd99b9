"use client";
import { useId, useState, type ReactNode } from "react";
import type { ThreatView } from "@/lib/threat-model/live-status";
import {
  LEVELS,
  STAGES,
  STAGE_LABELS,
  STRIDE,
  STRIDE_LABELS,
  THREAT_STATUSES,
  type Asset,
  type Control,
  type Threat,
} from "@/lib/threat-model/model";
import { ControlLinks } from "./control-links";
import { buttonClass, inputClass, STATUS_TONE } from "./labels";
import { stripView } from "./strip-view";

export interface ThreatItemProps {
  threat: ThreatView;
  assets: Asset[];
  controls: Control[];
  checkOptions: Array<{ id: string; title: string }>;
  editable: boolean;
  onChange: (threat: Threat, newControl?: Control) => void;
  onRemove: () => void;
  /** Actions on the saved threat (accepting its risk), for the roles allowed them. */
  actions?: ReactNode;
}

function Select<T extends string>(props: {
  label: string;
  value: T;
  options: readonly T[];
  labels?: Record<T, string>;
  onChange: (v: T) => void;
}) {
  const id = useId();
  return (
    <div className="flex flex-col text-xs font-medium text-slate-700">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        className={inputClass}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as T)}
      >
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.labels?.[o] ?? o}
          </option>
        ))}
      </select>
    </div>
  );
}

/** One threat: its fields, the assets it sits on and its controls with their live status. */
export function ThreatItem({
  threat,
  assets,
  controls,
  checkOptions,
  editable,
  onChange,
  onRemove,
  actions,
}: ThreatItemProps) {
  const [open, setOpen] = useState(false);
  const set = (patch: Partial<Threat>) => onChange({ ...stripView(threat), ...patch });
  const status = (
    <span
      className={`rounded px-2 py-0.5 text-xs ${STATUS_TONE[threat.effectiveStatus]}`}
      data-testid="threat-status"
    >
      {threat.effectiveStatus}
      {threat.basis === "evidence" ? " by evidence" : ""}
      {threat.basis === "failing" ? ` (failing: ${threat.failingChecks.join(", ")})` : ""}
    </span>
  );
  const onAssets = assets.filter((a) => threat.assetIds.includes(a.id));
  return (
    <li
      id={`threat-${threat.id}`}
      className="rounded-lg border border-slate-200 bg-white p-4"
      data-testid="threat"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-medium">{threat.title}</h3>
        {status}
        <span className="text-xs text-slate-600">
          {STRIDE_LABELS[threat.category]} · {STAGE_LABELS[threat.stage]} · likelihood {threat.likelihood} ·
          impact {threat.impact}
        </span>
      </div>
      {threat.description ? <p className="mt-1 text-sm text-slate-700">{threat.description}</p> : null}
      <p className="mt-1 text-xs text-slate-600">
        On: {onAssets.length ? onAssets.map((a) => a.name).join(", ") : "the stage as a whole"}
      </p>
      <ControlLinks
        threat={threat}
        controls={controls}
        checkOptions={checkOptions}
        editable={editable}
        adding={open}
        onChange={onChange}
      />
      {actions}
      {editable ? (
        <div className="mt-3">
          <button type="button" className={buttonClass} aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? "Close details" : `Edit “${threat.title}”`}
          </button>
          {open ? (
            <fieldset className="mt-3 grid gap-3 sm:grid-cols-3">
              <legend className="sr-only">Details of {threat.title}</legend>
              <label className="flex flex-col text-xs font-medium text-slate-700 sm:col-span-3">
                Title
                <input
                  className={inputClass}
                  value={threat.title}
                  maxLength={300}
                  onChange={(e) => set({ title: e.target.value })}
                />
              </label>
              <Select
                label="STRIDE category"
                value={threat.category}
                options={STRIDE}
                labels={STRIDE_LABELS}
                onChange={(category) => set({ category })}
              />
              <Select
                label="Stage"
                value={threat.stage}
                options={STAGES}
                labels={STAGE_LABELS}
                onChange={(stage) => set({ stage })}
              />
              <Select
                label="Status"
                value={threat.status}
                options={THREAT_STATUSES}
                onChange={(s) => set({ status: s })}
              />
              <Select
                label="Likelihood"
                value={threat.likelihood}
                options={LEVELS}
                onChange={(likelihood) => set({ likelihood })}
              />
              <Select
                label="Impact"
                value={threat.impact}
                options={LEVELS}
                onChange={(impact) => set({ impact })}
              />
              <label className="flex flex-col text-xs font-medium text-slate-700 sm:col-span-3">
                Description
                <textarea
                  className={inputClass}
                  rows={2}
                  value={threat.description}
                  maxLength={4000}
                  onChange={(e) => set({ description: e.target.value })}
                />
              </label>
              <fieldset className="sm:col-span-3">
                <legend className="text-xs font-medium text-slate-700">Assets it sits on</legend>
                <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                  {assets.map((a) => (
                    <label key={a.id} className="flex items-center gap-1 text-xs">
                      <input
                        type="checkbox"
                        checked={threat.assetIds.includes(a.id)}
                        onChange={(e) =>
                          set({
                            assetIds: e.target.checked
                              ? [...threat.assetIds, a.id]
                              : threat.assetIds.filter((x) => x !== a.id),
                          })
                        }
                      />
                      {a.name}
                    </label>
                  ))}
                </div>
              </fieldset>
              <div className="sm:col-span-3">
                <button type="button" className={`${buttonClass} text-red-700`} onClick={onRemove}>
                  Remove threat “{threat.title}”
                </button>
              </div>
            </fieldset>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
