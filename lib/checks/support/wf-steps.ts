// Reads workflow steps through the tool tables, with hits mapped back to file lines. The
// per-workflow work is done once, in tool-index.ts; these read and concatenate it.
import type { Workflow } from "../../analyzers/workflow/model";
import { toolIndex, type PlacedHit, type PlacedPublish } from "./tool-index";

export { hitsOfKind, runLine, stepText, type PlacedHit, type PlacedPublish } from "./tool-index";

/** Tool hits of every step and reusable-workflow call in the given workflows. */
export function toolHits(workflows: readonly Workflow[]): PlacedHit[] {
  const out: PlacedHit[] = [];
  for (const wf of workflows) out.push(...toolIndex(wf).hits);
  return out;
}

export function publications(workflows: readonly Workflow[]): PlacedPublish[] {
  const out: PlacedPublish[] = [];
  for (const wf of workflows) out.push(...toolIndex(wf).publications);
  return out;
}

type Anchor = { wf: Workflow; line: number } | undefined;

// Every scanner-presence check asks this of the same workflow list when its tool is
// absent (most repositories): answered once per list, read-only.
const anchors = new WeakMap<readonly Workflow[], Anchor>();

/** Where to add a CI step: the first workflow triggered by push or pull_request, at its `jobs:` key. */
export function ciAnchor(workflows: readonly Workflow[]): Anchor {
  if (anchors.has(workflows)) return anchors.get(workflows);
  const anchor = findAnchor(workflows);
  anchors.set(workflows, anchor);
  return anchor;
}

function findAnchor(workflows: readonly Workflow[]): Anchor {
  const real = workflows.filter((w) => w.kind === "workflow");
  const on = (w: Workflow, e: string) => w.triggers.some((t) => t.event === e);
  const named = (w: Workflow) =>
    /(^|\/)(ci|tests?|build|main|checks?|pr|pull[-_]request)\.ya?ml$/i.test(w.path);
  // Prefer the main CI workflow (by name, then by pull_request trigger) over e.g. a PR-title check.
  const ci =
    real.find((w) => named(w) && (on(w, "pull_request") || on(w, "push"))) ??
    real.find((w) => on(w, "pull_request") && w.jobs.some((j) => j.steps.some((s) => s.run))) ??
    real.find((w) => on(w, "pull_request") || on(w, "push")) ??
    real[0];
  if (!ci) return undefined;
  const idx = ci.lines.findIndex((l) => /^jobs\s*:/.test(l));
  return { wf: ci, line: idx >= 0 ? idx + 1 : 1 };
}
