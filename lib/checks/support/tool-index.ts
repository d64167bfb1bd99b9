// Which tools run where and what gets published, computed once per parsed workflow. Seven
// checks (scanner presence/gates, signing, provenance, SBOM, deploy verification) ask the
// same question of every step; each used to re-run the action and shell tables itself.
// Keyed on the Workflow object (a WeakMap, like workflowsOf's per-facts cache), so the
// index lives exactly as long as the parsed workflow it describes.
import type { Job, Step, Workflow } from "../../analyzers/workflow/model";
import {
  logicalLines,
  stepHits,
  type LocatedHit,
  type StepText,
  type ToolKind,
} from "../../analyzers/tools/detect";
import { publishHits, type PublishHit } from "../../analyzers/tools/publish";
import { actionHits } from "../../analyzers/tools/action-table";
import { scriptLines } from "./shell";
import { actionName } from "./util";
import { extend } from "../../util/extend";

export interface PlacedHit extends LocatedHit {
  wf: Workflow;
  job: Job;
  step?: Step;
  line: number;
}

export interface PlacedPublish extends PublishHit {
  wf: Workflow;
  job: Job;
  step: Step;
  line: number;
}

export interface ToolIndex {
  /** Every tool hit, in job, step and script-line order. */
  hits: readonly PlacedHit[];
  byKind: ReadonlyMap<ToolKind, readonly PlacedHit[]>;
  publications: readonly PlacedPublish[];
}

export const cache = new WeakMap<Workflow, ToolIndex>();

export const NONE: readonly PlacedHit[] = [];

export function withMap(w: Step["with"]): Record<string, string> {
  const out: Record<string, string> = {};
  // for-in over the parsed mapping (no prototype keys): same keys and order as
  // Object.entries, without an entry array per key; this runs for every step.
  for (const k in w) out[k] = w[k]!.value;
  return out;
}

export function stepText(step: Step): StepText {
  const text: StepText = {
    with: withMap(step.with),
    runLines: step.run ? logicalLines(step.run.value) : [],
    continueOnError: step.continueOnError === true,
  };
  const action = actionName(step.uses);
  if (action) text.action = action;
  return text;
}

/** 1-based file line of a script line index of `step.run`, falling back to the run key. */
export function runLine(wf: Workflow, step: Step, index: number | undefined): number {
  if (!step.run) return step.uses?.pos.line ?? step.pos.line;
  if (index === undefined) return step.run.pos.line;
  return scriptLines(wf, step.run)[index]?.line ?? step.run.pos.line;
}

export function build(wf: Workflow): ToolIndex {
  const hits: PlacedHit[] = [];
  const publications: PlacedPublish[] = [];
  for (const job of wf.jobs) {
    if (job.uses) {
      const name = actionName(job.uses);
      if (name)
        for (const h of actionHits(name, withMap(job.with)))
          hits.push(extend(h, { wf, job, line: job.uses.pos.line }));
    }
    for (const step of job.steps) {
      const t = stepText(step);
      const at = (runIndex: number | undefined) =>
        runIndex !== undefined ? runLine(wf, step, runIndex) : (step.uses?.pos.line ?? step.pos.line);
      for (const h of stepHits(t)) hits.push(extend(h, { wf, job, step, line: at(h.runIndex) }));
      for (const p of publishHits(t.action, t.with, t.runLines))
        publications.push(extend(p, { wf, job, step, line: at(p.runIndex) }));
    }
  }
  const byKind = new Map<ToolKind, PlacedHit[]>();
  for (const h of hits) {
    const list = byKind.get(h.kind);
    if (list) list.push(h);
    else byKind.set(h.kind, [h]);
  }
  return { hits, byKind, publications };
}

export function toolIndex(wf: Workflow): ToolIndex {
  let idx = cache.get(wf);
  if (!idx) {
    idx = build(wf);
    cache.set(wf, idx);
  }
  return idx;
}

/** Hits of one kind across workflows, in workflow order. */
export function hitsOfKind(workflows: readonly Workflow[], kind: ToolKind): PlacedHit[] {
  const out: PlacedHit[] = [];
  for (const wf of workflows) out.push(...(toolIndex(wf).byKind.get(kind) ?? NONE));
  return out;
}
