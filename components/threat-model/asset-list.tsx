"use client";
import { useState } from "react";
import { resolveProposal } from "@/lib/threat-model/merge";
import {
  ASSET_KINDS,
  STAGES,
  STAGE_LABELS,
  type AssetKind,
  type Stage,
  type ThreatModel,
} from "@/lib/threat-model/model";
import { buttonClass, inputClass, newId } from "./labels";

/**
 * The repository's assets by stage. A regeneration's proposals wait here for the
 * engineer to accept or reject; assets gone from the repository are flagged, never deleted.
 */
export function AssetList({
  model,
  editable,
  onChange,
}: {
  model: ThreatModel;
  editable: boolean;
  onChange: (model: ThreatModel) => void;
}) {
  const [name, setName] = useState("");
  const [kind, setKind] = useState<AssetKind>("other");
  const [stage, setStage] = useState<Stage>("build");
  const add = () => {
    if (!name.trim()) return;
    onChange({
      ...model,
      assets: [
        ...model.assets,
        { id: newId("asset"), kind, name: name.trim(), stage, detail: "", state: "active", origin: "manual" },
      ],
    });
    setName("");
  };
  return (
    <div className="space-y-3">
      {STAGES.map((s) => {
        const assets = model.assets.filter((a) => a.stage === s);
        return (
          <div key={s}>
            <h3 className="text-sm font-semibold">{STAGE_LABELS[s]}</h3>
            {assets.length === 0 ? <p className="text-xs text-slate-600">No assets.</p> : null}
            <ul className="text-sm">
              {assets.map((a) => (
                <li key={a.id} className="flex flex-wrap items-center gap-2 py-0.5" data-testid="asset">
                  <span>{a.name}</span>
                  <span className="text-xs text-slate-600">
                    {a.kind}
                    {a.detail ? ` · ${a.detail}` : ""}
                  </span>
                  {a.state === "proposed" ? (
                    <span className="rounded bg-sky-100 px-1.5 text-xs text-sky-900">
                      new in the repository
                    </span>
                  ) : null}
                  {a.state === "removed" ? (
                    <span className="rounded bg-amber-100 px-1.5 text-xs text-amber-900">
                      no longer in the repository
                    </span>
                  ) : null}
                  {editable && a.state === "proposed" ? (
                    <>
                      <button
                        type="button"
                        className={`${buttonClass} py-0 text-xs`}
                        onClick={() => onChange(resolveProposal(model, a.id, true))}
                      >
                        Accept {a.name}
                      </button>
                      <button
                        type="button"
                        className={`${buttonClass} py-0 text-xs`}
                        onClick={() => onChange(resolveProposal(model, a.id, false))}
                      >
                        Reject {a.name}
                      </button>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      {editable ? (
        <div className="flex flex-wrap items-end gap-2">
          <label className="flex flex-col text-xs font-medium text-slate-700">
            New asset
            <input
              className={inputClass}
              value={name}
              maxLength={300}
              onChange={(e) => setName(e.target.value)}
              onKeyDown={(e) => e.key === "Enter" && (e.preventDefault(), add())}
            />
          </label>
          <label className="flex flex-col text-xs font-medium text-slate-700">
            Kind
            <select
              className={inputClass}
              value={kind}
              onChange={(e) => setKind(e.target.value as AssetKind)}
            >
              {ASSET_KINDS.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-xs font-medium text-slate-700">
            Stage
            <select className={inputClass} value={stage} onChange={(e) => setStage(e.target.value as Stage)}>
              {STAGES.map((k) => (
                <option key={k} value={k}>
                  {STAGE_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className={buttonClass} onClick={add}>
            Add asset
          </button>
        </div>
      ) : null}
    </div>
  );
}
