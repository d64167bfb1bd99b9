"use client";
import { useState } from "react";
import type { ThreatView } from "@/lib/threat-model/live-status";
import { LINK_STATUSES, type Control, type LinkStatus, type Threat } from "@/lib/threat-model/model";
import { buttonClass, inputClass, LIVE_LABEL, LIVE_TONE, newId } from "./labels";
import { stripView } from "./strip-view";

/**
 * A threat's controls: a check (its live status from the latest scoring) or a manual
 * control (owner, note). Each link carries its own status; controls are shared, so adding
 * an existing one links it rather than copying it.
 */
export function ControlLinks({
  threat,
  controls,
  checkOptions,
  editable,
  adding,
  onChange,
}: {
  threat: ThreatView;
  controls: Control[];
  checkOptions: Array<{ id: string; title: string }>;
  editable: boolean;
  /** Show the forms that add controls (kept closed by default: the page stays light). */
  adding: boolean;
  onChange: (threat: Threat, newControl?: Control) => void;
}) {
  const [check, setCheck] = useState("");
  const [title, setTitle] = useState("");
  const [owner, setOwner] = useState("");
  const base = stripView(threat);
  const linked = new Set(threat.controls.map((l) => l.controlId));
  const setLink = (controlId: string, status: LinkStatus) =>
    onChange({
      ...base,
      controls: base.controls.map((l) => (l.controlId === controlId ? { ...l, status } : l)),
    });
  const unlink = (controlId: string) =>
    onChange({ ...base, controls: base.controls.filter((l) => l.controlId !== controlId) });
  const addCheck = () => {
    if (!check) return;
    const existing = controls.find((c) => c.kind === "check" && c.check === check);
    const control: Control = existing ?? { id: `control:check:${check}`, kind: "check", check };
    if (!linked.has(control.id))
      onChange(
        { ...base, controls: [...base.controls, { controlId: control.id, status: "in-place" }] },
        existing ? undefined : control,
      );
    setCheck("");
  };
  const addManual = () => {
    if (!title.trim()) return;
    const control: Control = {
      id: newId("control"),
      kind: "manual",
      title: title.trim(),
      owner: owner.trim(),
      note: "",
    };
    onChange(
      { ...base, controls: [...base.controls, { controlId: control.id, status: "planned" }] },
      control,
    );
    setTitle("");
    setOwner("");
  };
  const ids = `controls-${threat.id.replace(/[^A-Za-z0-9-]/g, "-")}`;
  return (
    <div className="mt-2">
      <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-600">Controls</h4>
      {threat.links.length === 0 ? <p className="text-xs text-slate-600">No control yet.</p> : null}
      <ul className="mt-1 space-y-1">
        {threat.links.map((l) => (
          <li
            key={l.controlId}
            className="flex flex-wrap items-center gap-2 text-sm"
            data-testid="control-link"
          >
            {l.control.kind === "check" ? (
              <>
                <span>
                  Check <code>{l.control.check}</code>
                </span>
                <span className={`text-xs ${LIVE_TONE[l.live ?? "missing"]}`}>
                  {LIVE_LABEL[l.live ?? "missing"]}
                </span>
                {l.taskHref ? (
                  <a className="text-xs underline" href={l.taskHref}>
                    remediation task
                  </a>
                ) : null}
              </>
            ) : (
              <span>
                {l.control.title}
                {l.control.owner ? (
                  <span className="text-xs text-slate-600"> · owner {l.control.owner}</span>
                ) : null}
              </span>
            )}
            {editable && adding ? (
              <>
                <select
                  aria-label={`Status of ${l.control.kind === "check" ? l.control.check : l.control.title} on ${threat.title}`}
                  className={`${inputClass} py-0 text-xs`}
                  value={l.status}
                  onChange={(e) => setLink(l.controlId, e.target.value as LinkStatus)}
                >
                  {LINK_STATUSES.map((s) => (
                    <option key={s}>{s}</option>
                  ))}
                </select>
                <button
                  type="button"
                  className={`${buttonClass} py-0 text-xs`}
                  onClick={() => unlink(l.controlId)}
                >
                  Unlink
                </button>
              </>
            ) : (
              <span className="text-xs text-slate-600">{l.status}</span>
            )}
          </li>
        ))}
      </ul>
      {editable && adding ? (
        <div className="mt-2 flex flex-wrap items-end gap-2">
          <div className="flex flex-col text-xs font-medium text-slate-700">
            <label htmlFor={`${ids}-check`}>Check control</label>
            <select
              id={`${ids}-check`}
              className={inputClass}
              value={check}
              onChange={(e) => setCheck(e.target.value)}
            >
              <option value="">Choose a check…</option>
              {checkOptions.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.id} — {c.title}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className={buttonClass} onClick={addCheck}>
            Add check control
          </button>
          <div className="flex flex-col text-xs font-medium text-slate-700">
            <label htmlFor={`${ids}-manual`}>Manual control</label>
            <input
              id={`${ids}-manual`}
              className={inputClass}
              value={title}
              maxLength={300}
              onChange={(e) => setTitle(e.target.value)}
              onKeyDown={(e) => e.key === "Enter" && (e.preventDefault(), addManual())}
            />
          </div>
          <div className="flex flex-col text-xs font-medium text-slate-700">
            <label htmlFor={`${ids}-owner`}>Owner</label>
            <input
              id={`${ids}-owner`}
              className={inputClass}
              value={owner}
              maxLength={200}
              onChange={(e) => setOwner(e.target.value)}
              onKeyDown={(e) => e.key === "Enter" && (e.preventDefault(), addManual())}
            />
          </div>
          <button type="button" className={buttonClass} onClick={addManual}>
            Add manual control
          </button>
        </div>
      ) : null}
    </div>
  );
}
