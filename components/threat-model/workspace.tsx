"use client";
import { useMemo, useState, useTransition } from "react";
import { saveThreatModelAction } from "./actions";
import { liveThreats, type CheckStatus } from "@/lib/threat-model/live-status";
import {
  STAGES,
  STAGE_LABELS,
  STRIDE,
  STRIDE_LABELS,
  type Control,
  type Stage,
  type StrideCategory,
  type Threat,
  type ThreatModel,
} from "@/lib/threat-model/model";
import type { ThreatModelActionState } from "./action-state";
import { AcceptRisk } from "./accept-risk";
import { AssetList } from "./asset-list";
import { ControlList } from "./control-list";
import type { DiagramTarget } from "./diagram-graph";
import { buttonClass, inputClass, newId, primaryButtonClass } from "./labels";
import { PipelineDiagram } from "./pipeline-diagram";
import { ThreatItem } from "./threat-item";

export interface WorkspaceProps {
  owner: string;
  name: string;
  revision: number;
  model: ThreatModel;
  checks: Record<string, CheckStatus> | null;
  /** check id → its remediation task's page: a failing check control links to it. */
  taskHrefs: Record<string, string>;
  canEdit: boolean;
  /** May accept a threat's risk (files policy exceptions: security leads). */
  canAcceptRisk: boolean;
  checkOptions: Array<{ id: string; title: string }>;
}

/**
 * The editable model: a draft in the browser, saved as one revision. A refused (stale)
 * save keeps the draft and says what the other person changed; the user then saves over
 * the newer revision or discards their edits. Ctrl/⌘+S saves.
 */
export function ThreatModelWorkspace(props: WorkspaceProps) {
  const { owner, name, revision, model, checks, canEdit } = props;
  const [draft, setDraft] = useState(model);
  const [base, setBase] = useState({ revision, model });
  const [seen, setSeen] = useState(revision);
  const [state, setState] = useState<ThreatModelActionState | null>(null);
  const [filter, setFilter] = useState<DiagramTarget | null>(null);
  const [pending, startTransition] = useTransition();
  const dirty = JSON.stringify(draft) !== JSON.stringify(base.model);
  // A newer revision from the server replaces the draft only when there is nothing to lose.
  if (revision !== seen) {
    setSeen(revision);
    if (!dirty) {
      setDraft(model);
      setBase({ revision, model });
    }
  }
  const { taskHrefs } = props;
  const threats = useMemo(
    () => liveThreats(draft, checks, { taskHref: (check) => taskHrefs[check] ?? null }),
    [draft, checks, taskHrefs],
  );
  // Risk is accepted on the saved threat (the server reads the stored revision) and as an
  // exception to a check, so the button waits for a save and needs a check control.
  const savedThreatIds = new Set(base.model.threats.map((t) => t.id));
  const checkControls = new Set(draft.controls.filter((c) => c.kind === "check").map((c) => c.id));
  const hasCheck = (t: Threat) =>
    t.controls.some((l) => l.status !== "not-applicable" && checkControls.has(l.controlId));
  const shown = threats.filter((t) =>
    !filter
      ? true
      : filter.kind === "threat"
        ? t.id === filter.id
        : filter.kind === "asset"
          ? t.assetIds.includes(filter.id)
          : t.stage === filter.id,
  );
  const save = (over?: number) =>
    startTransition(async () => {
      const result = await saveThreatModelAction({
        owner,
        name,
        revision: over ?? base.revision,
        model: draft,
      });
      setState(result);
      if (result.ok) setBase({ revision: result.revision, model: draft });
    });
  const setThreat = (id: string) => (t: Threat, newControl?: Control) =>
    setDraft((m) => ({
      ...m,
      controls: newControl ? [...m.controls, newControl] : m.controls,
      threats: m.threats.map((x) => (x.id === id ? t : x)),
    }));
  const removeThreat = (id: string) =>
    setDraft((m) => ({ ...m, threats: m.threats.filter((t) => t.id !== id) }));
  const select = (target: DiagramTarget) => {
    setFilter(target);
    document.getElementById("threats")?.scrollIntoView({ behavior: "smooth" });
  };
  const filterLabel =
    filter?.kind === "stage"
      ? STAGE_LABELS[filter.id as Stage]
      : filter?.kind === "asset"
        ? draft.assets.find((a) => a.id === filter.id)?.name
        : draft.threats.find((t) => t.id === filter?.id)?.title;

  return (
    <div
      className="space-y-6"
      onKeyDown={(e) => {
        if (canEdit && (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
          e.preventDefault();
          save();
        }
      }}
    >
      <section aria-labelledby="diagram-heading" className="space-y-2">
        <h2 id="diagram-heading" className="text-lg font-semibold">
          Data flow
        </h2>
        <p className="text-sm text-slate-600">
          Stages with their assets; red dashed arrows are trust boundaries; red boxes are open threats. Click
          a box to see its threats.
        </p>
        <PipelineDiagram model={draft} threats={threats} onSelect={select} />
      </section>

      {canEdit ? (
        <div className="sticky top-0 z-10 flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white p-3">
          <button
            type="button"
            className={primaryButtonClass}
            disabled={pending || !dirty}
            onClick={() => save()}
          >
            {pending ? "Saving…" : "Save threat model"}
          </button>
          <span className="text-sm text-slate-600">
            Editing revision {base.revision}
            {dirty ? " · unsaved changes" : ""}
          </span>
          {state?.ok ? (
            <p role="status" className="text-sm text-emerald-700">
              {state.message}
            </p>
          ) : null}
          {state && !state.ok ? (
            <div
              role="alert"
              className="w-full rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900"
              data-testid="save-error"
            >
              <p>{state.error}</p>
              {state.conflict ? (
                <div className="mt-2 flex flex-wrap gap-2">
                  <button
                    type="button"
                    className={buttonClass}
                    onClick={() => save(state.conflict!.currentRevision)}
                  >
                    Save my version over revision {state.conflict.currentRevision}
                  </button>
                  <button
                    type="button"
                    className={buttonClass}
                    onClick={() => {
                      setDraft(model);
                      setBase({ revision, model });
                      setState(null);
                    }}
                  >
                    Discard my edits and load revision {revision}
                  </button>
                </div>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : (
        <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
          Read only: your role can read this threat model but not change it.
        </p>
      )}

      <section id="threats" aria-labelledby="threats-heading" className="space-y-3">
        <h2 id="threats-heading" className="text-lg font-semibold">
          Threats
        </h2>
        {filter ? (
          <p className="text-sm">
            Showing threats on <strong>{filterLabel}</strong>.{" "}
            <button type="button" className="underline" onClick={() => setFilter(null)}>
              Show all threats
            </button>
          </p>
        ) : null}
        {canEdit ? (
          <NewThreatForm onAdd={(t) => setDraft((m) => ({ ...m, threats: [...m.threats, t] }))} />
        ) : null}
        <ul className="space-y-3">
          {shown.map((t) => (
            <ThreatItem
              key={t.id}
              threat={t}
              assets={draft.assets}
              controls={draft.controls}
              checkOptions={props.checkOptions}
              editable={canEdit}
              onChange={setThreat(t.id)}
              onRemove={() => removeThreat(t.id)}
              actions={
                props.canAcceptRisk && savedThreatIds.has(t.id) && hasCheck(t) ? (
                  <AcceptRisk
                    owner={owner}
                    name={name}
                    revision={base.revision}
                    threatId={t.id}
                    threatTitle={t.title}
                    accepted={t.status === "accepted"}
                  />
                ) : null
              }
            />
          ))}
        </ul>
      </section>

      <section aria-labelledby="assets-heading" className="space-y-2">
        <h2 id="assets-heading" className="text-lg font-semibold">
          Assets
        </h2>
        <AssetList model={draft} editable={canEdit} onChange={setDraft} />
      </section>

      <section aria-labelledby="controls-heading" className="space-y-2">
        <h2 id="controls-heading" className="text-lg font-semibold">
          Controls
        </h2>
        <ControlList model={draft} checks={checks} editable={canEdit} onChange={setDraft} />
      </section>
    </div>
  );
}

function NewThreatForm({ onAdd }: { onAdd: (t: Threat) => void }) {
  const [title, setTitle] = useState("");
  const [category, setCategory] = useState<StrideCategory>("tampering");
  const [stage, setStage] = useState<Stage>("build");
  const add = () => {
    if (!title.trim()) return;
    onAdd({
      id: newId("threat"),
      title: title.trim(),
      category,
      stage,
      description: "",
      likelihood: "medium",
      impact: "medium",
      status: "open",
      assetIds: [],
      controls: [],
    });
    setTitle("");
  };
  return (
    <form
      className="flex flex-wrap items-end gap-2 rounded-lg border border-dashed border-slate-300 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        add();
      }}
      aria-label="Add a threat"
    >
      <label className="flex flex-col text-xs font-medium text-slate-700">
        New threat
        <input
          className={inputClass}
          value={title}
          maxLength={300}
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      <div className="flex flex-col text-xs font-medium text-slate-700">
        <label htmlFor="new-threat-category">Category</label>
        <select
          id="new-threat-category"
          className={inputClass}
          value={category}
          onChange={(e) => setCategory(e.target.value as StrideCategory)}
        >
          {STRIDE.map((s) => (
            <option key={s} value={s}>
              {STRIDE_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col text-xs font-medium text-slate-700">
        <label htmlFor="new-threat-stage">Stage</label>
        <select
          id="new-threat-stage"
          className={inputClass}
          value={stage}
          onChange={(e) => setStage(e.target.value as Stage)}
        >
          {STAGES.map((s) => (
            <option key={s} value={s}>
              {STAGE_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClass}>
        Add threat
      </button>
    </form>
  );
}
