// Follows attacker-controlled data through a repository's workflows, the way it really
// travels: env variables, shell variables assigned from them, step outputs written to
// $GITHUB_OUTPUT, job outputs read as needs.<job>.outputs, inputs that same-repository
// callers fill (reusable workflows and local composite actions), the inputs of a composite
// action published for others (any caller decides them), and matrices built with fromJSON()
// of event data. Names never decide taint: only where the data came from.
import { findExpressions } from "../../analyzers/expressions/find-expressions";
import { analyzeExpression } from "../../analyzers/expressions/context-paths";
import type { Job, ScalarValue, Step, Workflow } from "../../analyzers/workflow/model";
import { classifyContext, type InputTypes } from "../../analyzers/workflow/taint";
import type { Confidence } from "../types";
import { readsVar, scriptLines } from "./shell";

export interface Origin {
  /** The attacker-controlled context, e.g. github.event.issue.title. */
  source: string;
  /** Hops the data took (`env.X`, `$X`, `steps.a.outputs.b`, …), in order. */
  via: string[];
  confidence: Confidence;
}

export interface Scope {
  wf: Workflow;
  job?: Job | undefined;
  step?: Step | undefined;
}

interface JobFlow {
  /** `<step id>.<output>` → origin. */
  stepOutputs: Map<string, Origin>;
  matrix?: Origin;
  outputs: Map<string, Origin>;
}

interface WorkflowFlow {
  dispatch: InputTypes;
  /** Inputs that a same-repository caller fills from untrusted data. */
  inputs: Map<string, Origin>;
  /**
   * A composite action no workflow of the repository calls: it is published for others
   * (or unused), so whoever calls it decides every input, and any caller may pass
   * attacker text (low confidence: it depends on the caller).
   */
  openInputs: boolean;
  jobs: Map<string, JobFlow>;
}

const flows = new WeakMap<Workflow, WorkflowFlow>();
const prepared = new WeakMap<readonly Workflow[], true>();
const MAX_HOPS = 6;

export function envLookup(name: string, scope: Scope): ScalarValue | undefined {
  return scope.step?.env[name] ?? scope.job?.env[name] ?? scope.wf.env[name];
}

const contextsOf = (v: ScalarValue): string[] => v.expressions.flatMap((e) => e.valueContexts ?? e.contexts);

/** Where each attacker-controlled path among `paths` came from (empty when none is). */
export function tracePaths(paths: string[], scope: Scope, via: string[] = []): Origin[] {
  const flow = flowOf(scope.wf);
  const out: Origin[] = [];
  const hop = (o: Origin | undefined, p: string) => {
    if (o) out.push({ source: o.source, via: [...via, ...o.via, p], confidence: o.confidence });
  };
  for (const p of paths) {
    const v = classifyContext(p, flow.dispatch);
    if (v.taint === "attacker") {
      out.push({ source: p, via, confidence: v.confidence });
      continue;
    }
    if (v.taint === "safe" || via.length >= MAX_HOPS) continue;
    const segs = p.split(".");
    const root = segs[0]?.toLowerCase();
    if (root === "env" && segs[1]) {
      const value = envLookup(segs[1], scope);
      if (value) out.push(...tracePaths(contextsOf(value), scope, [...via, `env.${segs[1]}`]));
    } else if (root === "inputs" && segs[1]) {
      const known = flow.inputs.get(segs[1].toLowerCase());
      if (known) hop(known, p);
      else if (flow.openInputs)
        out.push({ source: p, via: [...via, "any caller of this published action"], confidence: "low" });
    } else if (root === "steps" && segs[2] === "outputs" && segs[1] && segs[3] && scope.job)
      hop(flow.jobs.get(scope.job.id)?.stepOutputs.get(`${segs[1]}.${segs[3]}`), p);
    else if (root === "needs" && segs[2] === "outputs" && segs[1] && segs[3])
      hop(flow.jobs.get(segs[1])?.outputs.get(segs[3]), p);
    else if (root === "matrix" && scope.job) hop(flow.jobs.get(scope.job.id)?.matrix, p);
  }
  return out;
}

/** Attacker data in one script line: a tainted `${{ }}`, or a read of a tainted variable. */
export interface LineTaint {
  line: number;
  text: string;
  origin: Origin;
}

/** Per line of a `run:` script, the attacker data it handles (shell variables followed). */
export function scriptTaint(scope: Scope & { step: Step }): LineTaint[] {
  const run = scope.step.run;
  if (!run) return [];
  const vars = new Map<string, Origin>();
  const envNames = [
    ...new Set([
      ...Object.keys(scope.step.env),
      ...Object.keys(scope.job?.env ?? {}),
      ...Object.keys(scope.wf.env),
    ]),
  ];
  for (const name of envNames) {
    const value = envLookup(name, scope);
    const o = value && tracePaths(contextsOf(value), scope, [`env.${name}`])[0];
    if (o) vars.set(name, o);
  }
  const out: LineTaint[] = [];
  for (const l of scriptLines(scope.wf, run)) {
    let origin = tracePaths(
      l.expressions.flatMap((e) => e.valueContexts ?? e.contexts),
      scope,
    )[0];
    if (!origin)
      for (const [name, o] of vars)
        if (readsVar(l.text, name)) {
          origin = { ...o, via: [...o.via, `$${name}`] };
          break;
        }
    if (!origin) continue;
    out.push({ line: l.line, text: l.text, origin });
    const assigned = /^\s*(?:export\s+|local\s+|readonly\s+|declare\s+(?:-\w+\s+)?)?([A-Za-z_]\w*)=/.exec(
      l.text,
    );
    if (assigned?.[1]) vars.set(assigned[1], origin);
  }
  return out;
}

function outputKey(text: string): string | undefined {
  const i = text.search(/\b(echo|printf)\b/);
  const m = /([A-Za-z_][\w-]*)=/.exec(i === -1 ? text : text.slice(i));
  return m?.[1];
}

function dispatchTypes(wf: Workflow): InputTypes {
  const types = new Map<string, string>();
  for (const t of wf.triggers) {
    if (t.event !== "workflow_dispatch") continue;
    const inputs = t.config["inputs"];
    if (!inputs || typeof inputs !== "object") continue;
    for (const [name, def] of Object.entries(inputs as Record<string, unknown>)) {
      const type = def && typeof def === "object" ? (def as Record<string, unknown>)["type"] : undefined;
      types.set(name.toLowerCase(), typeof type === "string" ? type.toLowerCase() : "string");
    }
  }
  return types;
}

function stringsIn(v: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 6) return out;
  if (typeof v === "string") out.push(v);
  else if (Array.isArray(v)) for (const x of v) stringsIn(x, out, depth + 1);
  else if (v && typeof v === "object") for (const x of Object.values(v)) stringsIn(x, out, depth + 1);
  return out;
}

function buildJobs(wf: Workflow, flow: WorkflowFlow): void {
  // Two passes: a job's needs may be declared after it.
  for (let pass = 0; pass < 2; pass++) {
    for (const job of wf.jobs) {
      const jf: JobFlow = flow.jobs.get(job.id) ?? { stepOutputs: new Map(), outputs: new Map() };
      flow.jobs.set(job.id, jf);
      const scope: Scope = { wf, job };
      if (!jf.matrix) {
        for (const text of stringsIn(job.strategy?.matrix)) {
          for (const span of findExpressions(text)) {
            const o = tracePaths(analyzeExpression(span.expr).valueContexts, scope)[0];
            if (o) jf.matrix = { ...o, via: [...o.via, "strategy.matrix"] };
          }
        }
      }
      for (const step of job.steps) {
        if (!step.id || !step.run) continue;
        for (const t of scriptTaint({ wf, job, step })) {
          if (!t.text.includes("GITHUB_OUTPUT")) continue;
          const key = outputKey(t.text);
          if (key) jf.stepOutputs.set(`${step.id}.${key}`, t.origin);
        }
      }
      for (const [name, value] of Object.entries(job.outputs ?? {})) {
        const o = tracePaths(contextsOf(value), scope)[0];
        if (o) jf.outputs.set(name, o);
      }
    }
  }
}

/** The flow of one workflow; inputs filled by callers are known once prepareFlows ran. */
export function flowOf(wf: Workflow): WorkflowFlow {
  let flow = flows.get(wf);
  if (!flow) {
    flow = { dispatch: dispatchTypes(wf), inputs: new Map(), openInputs: false, jobs: new Map() };
    flows.set(wf, flow);
    buildJobs(wf, flow);
  }
  return flow;
}

const norm = (p: string) => p.replace(/^\.\//, "").replace(/\/+$/, "");

/**
 * Links same-repository callers to what they call: a reusable workflow's or a local
 * composite action's inputs are tainted when a caller passes attacker data into them.
 */
export function prepareFlows(workflows: readonly Workflow[]): void {
  if (prepared.has(workflows)) return;
  prepared.set(workflows, true);
  const byPath = new Map(workflows.map((w) => [w.path, w] as const));
  const target = (uses: string, action: boolean): Workflow | undefined => {
    if (!uses.startsWith("./")) return undefined;
    const p = norm(uses.split("@")[0] ?? "");
    // `uses: ./` is the action at the repository's root.
    const under = (name: string) => (p === "" ? name : `${p}/${name}`);
    return action ? (byPath.get(under("action.yml")) ?? byPath.get(under("action.yaml"))) : byPath.get(p);
  };
  // Composite actions no workflow here calls are published (or unused): their inputs are open.
  const called = new Set<Workflow>();
  for (const wf of workflows)
    for (const job of wf.jobs)
      for (const step of job.steps) {
        const callee = step.uses ? target(step.uses.value, true) : undefined;
        if (callee && callee !== wf) called.add(callee);
      }
  for (const wf of workflows)
    if (wf.kind === "composite-action" && !called.has(wf)) {
      const flow = flowOf(wf);
      flow.openInputs = true;
      buildJobs(wf, flow);
    }
  let changed = true;
  for (let round = 0; changed && round < 3; round++) {
    changed = false;
    for (const wf of workflows) {
      for (const job of wf.jobs) {
        const calls: Array<{ callee: Workflow | undefined; with: Record<string, ScalarValue>; step?: Step }> =
          [];
        if (job.uses) calls.push({ callee: target(job.uses.value, false), with: job.with });
        for (const step of job.steps)
          if (step.uses) calls.push({ callee: target(step.uses.value, true), with: step.with, step });
        for (const c of calls) {
          if (!c.callee || c.callee === wf) continue;
          const calleeFlow = flowOf(c.callee);
          for (const [name, value] of Object.entries(c.with)) {
            const key = name.toLowerCase();
            if (calleeFlow.inputs.has(key)) continue;
            const o = tracePaths(contextsOf(value), { wf, job, step: c.step })[0];
            if (!o) continue;
            calleeFlow.inputs.set(key, { ...o, via: [...o.via, `${wf.path} → ${c.callee.path}`] });
            changed = true;
          }
        }
      }
    }
    // Callee flows read their inputs: rebuild what depends on them.
    if (changed) for (const wf of workflows) buildJobs(wf, flowOf(wf));
  }
}
