// All tool hits of a step (action table + shell table), with the script line they came from.
import { actionHits } from "./action-table";
import { runHits } from "./run-table";
import { extend } from "../../util/extend";
import type { StepText, ToolHit, ToolKind } from "./kinds";

export interface LocatedHit extends ToolHit {
  /** Index of the script line (for run hits); undefined for action hits. */
  runIndex?: number;
}

export function stepHits(step: StepText): LocatedHit[] {
  const out: LocatedHit[] = [];
  if (step.action) {
    for (const h of actionHits(step.action, step.with)) {
      const scanner =
        h.kind === "dependency-scan" ||
        h.kind === "sast" ||
        h.kind === "secret-scan" ||
        h.kind === "iac-scan";
      out.push(
        scanner && h.gate && step.continueOnError
          ? extend(h, { gate: false, note: "the step has continue-on-error" })
          : h,
      );
    }
  }
  for (const l of step.runLines)
    for (const h of runHits(l.text, step.continueOnError)) out.push(extend(h, { runIndex: l.index }));
  return out;
}

export function ofKind(hits: readonly LocatedHit[], kind: ToolKind): LocatedHit[] {
  return hits.filter((h) => h.kind === kind);
}

export { logicalLines } from "./kinds";
export type { StepText, ToolHit, ToolKind } from "./kinds";
