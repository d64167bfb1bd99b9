// Reads workflow steps through the tool tables, with hits mapped back to file lines.
import type { Job, Step, Workflow } from "../../analyzers/workflow/model";
import { logicalLines, stepHits, type LocatedHit, type StepText } from "../../analyzers/tools/detect";
import { publishHits, type PublishHit } from "../../analyzers/tools/publish";
import { actionHits } from "../../analyzers/tools/action-table";
import { scriptLines } from "../wf/shell";
import { actionName } from "../wf/util";

export function stepText(step: Step): StepText {
  const w: Record<string, string> = {};
  for (const [k, v] of Object.entries(step.with)) w[k] = v.value;
  const text: StepText = { with: w, runLines: step.run ? logicalLines(step.run.value) : [], continueOnError: step.continueOnError === true };
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

export interface PlacedHit extends LocatedHit {
  wf: Workflow;
  job: Job;
  step?: Step;
  line: number;
}

/** Tool hits of every step and reusable-workflow call in the given workflows. */
export function toolHits(workflows: readonly Workflow[]): PlacedHit[] {
  const out: PlacedHit[] = [];
  for (const wf of workflows) {
    for (const job of wf.jobs) {
      if (job.uses) {
        const w: Record<string, string> = {};
        for (const [k, v] of Object.entries(job.with)) w[k] = v.value;
        const name = actionName(job.uses);
        if (name) for (const h of actionHits(name, w)) out.push({ ...h, wf, job, line: job.uses.pos.line });
      }
      for (const step of job.steps) {
        for (const h of stepHits(stepText(step))) out.push({ ...h, wf, job, step, line: h.runIndex !== undefined ? runLine(wf, step, h.runIndex) : (step.uses?.pos.line ?? step.pos.line) });
      }
    }
  }
  return out;
}

export interface PlacedPublish extends PublishHit {
  wf: Workflow;
  job: Job;
  step: Step;
  line: number;
}

export function publications(workflows: readonly Workflow[]): PlacedPublish[] {
  const out: PlacedPublish[] = [];
  for (const wf of workflows) {
    for (const job of wf.jobs) {
      for (const step of job.steps) {
        const t = stepText(step);
        for (const p of publishHits(t.action, t.with, t.runLines)) out.push({ ...p, wf, job, step, line: p.runIndex !== undefined ? runLine(wf, step, p.runIndex) : (step.uses?.pos.line ?? step.pos.line) });
      }
    }
  }
  return out;
}

/** Where to add a CI step: the first workflow triggered by push or pull_request, at its `jobs:` key. */
export function ciAnchor(workflows: readonly Workflow[]): { wf: Workflow; line: number } | undefined {
  const real = workflows.filter((w) => w.kind === "workflow");
  const on = (w: Workflow, e: string) => w.triggers.some((t) => t.event === e);
  const named = (w: Workflow) => /(^|\/)(ci|tests?|build|main|checks?|pr|pull[-_]request)\.ya?ml$/i.test(w.path);
  // Prefer the main CI workflow (by name, then by pull_request trigger) over e.g. a PR-title check.
  const ci = real.find((w) => named(w) && (on(w, "pull_request") || on(w, "push"))) ?? real.find((w) => on(w, "pull_request") && w.jobs.some((j) => j.steps.some((s) => s.run))) ?? real.find((w) => on(w, "pull_request") || on(w, "push")) ?? real[0];
  if (!ci) return undefined;
  const idx = ci.lines.findIndex((l) => /^jobs\s*:/.test(l));
  return { wf: ci, line: idx >= 0 ? idx + 1 : 1 };
}
