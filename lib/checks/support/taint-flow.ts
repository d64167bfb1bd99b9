// Follows attacker-controlled context into a sink value: directly, or through `env.X`
// expressions whose variable was itself set from attacker data. Plain shell `$X` reads
// are not followed: the shell does not re-parse a variable's content as code.
import type { Job, ScalarValue, Step, Workflow } from "../../analyzers/workflow/model";
import { classifyContext } from "../../analyzers/workflow/taint";
import { classifyTrigger } from "../../analyzers/workflow/triggers";
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

export function envLookup(
  name: string,
  step: Step | undefined,
  job: Job | undefined,
  wf: Workflow,
): ScalarValue | undefined {
  return step?.env[name] ?? job?.env[name] ?? wf.env[name];
}

export function taintedPaths(
  paths: string[],
  step: Step | undefined,
  job: Job | undefined,
  wf: Workflow,
  via: string[] = [],
): Array<Omit<TaintHit, "expr">> {
  const out: Array<Omit<TaintHit, "expr">> = [];
  for (const p of paths) {
    const v = classifyContext(p);
    if (v.taint === "attacker") {
      out.push({ source: p, via, confidence: v.confidence });
      continue;
    }
    if (!p.toLowerCase().startsWith("env.") || via.length >= 3) continue;
    const name = p.slice(4);
    const value = envLookup(name, step, job, wf);
    if (!value) continue;
    out.push(
      ...taintedPaths(
        value.expressions.flatMap((e) => e.valueContexts ?? e.contexts),
        step,
        job,
        wf,
        [...via, `env.${name}`],
      ),
    );
  }
  return out;
}

export function taintIn(
  value: ScalarValue,
  step: Step | undefined,
  job: Job | undefined,
  wf: Workflow,
): TaintHit[] {
  return value.expressions.flatMap((e) =>
    taintedPaths(e.valueContexts ?? e.contexts, step, job, wf).map((h) => ({ ...h, expr: e.expr })),
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
