"use client";
import type { CheckStatus } from "@/lib/threat-model/live-status";
import type { Control, ThreatModel } from "@/lib/threat-model/model";
import { inputClass, LIVE_LABEL, LIVE_TONE } from "./labels";

/** Every control once, with the threats it answers; manual controls' owner and note are edited here. */
export function ControlList({
  model,
  checks,
  editable,
  onChange,
}: {
  model: ThreatModel;
  checks: Record<string, CheckStatus> | null;
  editable: boolean;
  onChange: (model: ThreatModel) => void;
}) {
  const update = (id: string, patch: Partial<Extract<Control, { kind: "manual" }>>) =>
    onChange({
      ...model,
      controls: model.controls.map((c) => (c.id === id && c.kind === "manual" ? { ...c, ...patch } : c)),
    });
  const answers = (id: string) =>
    model.threats.filter((t) => t.controls.some((l) => l.controlId === id)).map((t) => t.title);
  const manual = model.controls.filter((c) => c.kind === "manual");
  const check = model.controls.filter((c) => c.kind === "check");
  return (
    <div className="space-y-4">
      <div>
        <h3 className="text-sm font-semibold">Manual controls</h3>
        {manual.length === 0 ? (
          <p className="text-xs text-slate-600">None yet: add one on a threat.</p>
        ) : null}
        <ul className="space-y-2">
          {manual.map((c) =>
            c.kind !== "manual" ? null : (
              <li key={c.id} className="text-sm">
                {editable ? (
                  <fieldset className="grid gap-2 sm:grid-cols-3">
                    <legend className="sr-only">Manual control {c.title}</legend>
                    <label className="flex flex-col text-xs font-medium text-slate-700">
                      Title
                      <input
                        className={inputClass}
                        value={c.title}
                        maxLength={300}
                        onChange={(e) => update(c.id, { title: e.target.value })}
                      />
                    </label>
                    <label className="flex flex-col text-xs font-medium text-slate-700">
                      Owner
                      <input
                        className={inputClass}
                        value={c.owner}
                        maxLength={200}
                        onChange={(e) => update(c.id, { owner: e.target.value })}
                      />
                    </label>
                    <label className="flex flex-col text-xs font-medium text-slate-700">
                      Note
                      <input
                        className={inputClass}
                        value={c.note}
                        maxLength={4000}
                        onChange={(e) => update(c.id, { note: e.target.value })}
                      />
                    </label>
                  </fieldset>
                ) : (
                  <span>
                    {c.title} · owner {c.owner || "none"}
                    {c.note ? ` · ${c.note}` : ""}
                  </span>
                )}
                <p className="text-xs text-slate-600">Answers: {answers(c.id).join(", ") || "no threat"}</p>
              </li>
            ),
          )}
        </ul>
      </div>
      <div>
        <h3 className="text-sm font-semibold">Check controls (live)</h3>
        <ul className="text-sm">
          {check.map((c) => {
            if (c.kind !== "check") return null;
            const live = checks ? (checks[c.check] ?? "missing") : "missing";
            return (
              <li key={c.id}>
                <code>{c.check}</code>{" "}
                <span className={`text-xs ${LIVE_TONE[live]}`}>{LIVE_LABEL[live]}</span>{" "}
                <span className="text-xs text-slate-600">
                  · answers {answers(c.id).join(", ") || "no threat"}
                </span>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
