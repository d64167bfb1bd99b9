// Follows attacker-controlled context into a sink value (see data-flow.ts for the hops it
// follows). A `$X` read inside a script is not itself an injection (the shell does not
// re-parse a variable's content as code); it matters where the value is written on.
import type { Job, ScalarValue, Step, Workflow } from "../../analyzers/workflow/model";
import { tracePaths } from "./data-flow";
import { classifyTrigger } from "../../analyzers/workflow/triggers";
import { extend } from "../../util/extend";
import type { Confidence, Severity } from "../types";

export interface TaintHit {
  /** The attacker-controlled context, e.g. github.event.issue.title. */
  source: string;
  /** The expression text in the sink. */
  expr: string;
  /** `env.X` hops, when the data arrived indirectly. */
  via: string[];
  confidence: Confidence;
}

/** Attacker-controlled origins of `paths`, followed through env, shell, outputs, inputs and matrices (data-flow.ts). */
export function taintedPaths(
  paths: string[],
  step: Step | undefined,
  job: Job | undefined,
  wf: Workflow,
  via: string[] = [],
): Array<Omit<TaintHit, "expr">> {
  return tracePaths(paths, { wf, job, step }, via);
}

export function taintIn(
  value: ScalarValue,
  step: Step | undefined,
  job: Job | undefined,
  wf: Workflow,
): TaintHit[] {
  return value.expressions.flatMap((e) =>
    taintedPaths(e.valueContexts ?? e.contexts, step, job, wf).map((h) => extend(h, { expr: e.expr })),
  );
}

/** Impact depends on what the token and secrets are worth under the workflow's triggers. */
export function injectionSeverity(wf: Workflow): Severity {
  if (wf.kind === "composite-action") return "critical";
  const classes = wf.triggers.map((t) => classifyTrigger(t.event));
  if (classes.includes("privileged-untrusted") || classes.includes("inherited")) return "critical";
  if (classes.includes("untrusted")) return "high";
  return "medium";
}

/** A shell-safe variable name for the remediation text, e.g. github.event.issue.title → ISSUE_TITLE. */
export function envNameFor(path: string): string {
  const segs = path.split(".").filter((s) => s !== "*" && !/^\d+$/.test(s));
  return segs
    .slice(-2)
    .join("_")
    .toUpperCase()
    .replace(/[^A-Z0-9_]/g, "_");
}
