// Shared plumbing of the workflow checks: action names of steps, and walks over jobs,
// steps and every `${{ }}`-bearing value.
import type { ExpressionRef, Job, ScalarValue, Step, Workflow } from "../../analyzers/workflow/model";
import { isActionOrSubpath } from "../../analyzers/tools/kinds";
import { snippetOf } from "../evidence";

/** The trimmed, length-capped source line of a workflow (see evidence.ts). */
export function snippet(wf: Workflow, line: number): string {
  return snippetOf(wf.lines, line);
}

// Every check asks each step which action it uses, often several times (usesAction with
// a list of names); the answer is kept per parsed value.
export const actionNames = new WeakMap<ScalarValue, string | null>();

/** `owner/repo[/path]` of a `uses:` (lower-case), without the ref; null for local or docker actions. */
export function actionName(uses: ScalarValue | undefined): string | null {
  if (uses === undefined) return null;
  let name = actionNames.get(uses);
  if (name === undefined) {
    name = parseActionName(uses.value);
    actionNames.set(uses, name);
  }
  return name;
}

export function parseActionName(value: string): string | null {
  const v = value.trim();
  if (!v || v.startsWith("./") || v.startsWith("docker://")) return null;
  const at = v.indexOf("@");
  return (at === -1 ? v : v.slice(0, at)).toLowerCase();
}

export function usesAction(step: Step, ...names: string[]): boolean {
  const n = actionName(step.uses);
  return n !== null && names.some((name) => isActionOrSubpath(n, name));
}

export interface Located {
  value: ScalarValue;
  /** Where it sits, e.g. `jobs.build.steps[2].with.script`. */
  where: string;
  job?: Job;
  step?: Step;
}

export const valuesByJob = new WeakMap<Job, readonly Located[]>();

export const valuesByWorkflow = new WeakMap<Workflow, readonly Located[]>();

/** Every scalar of a job that can carry `${{ }}` (step run/with/env/if, job env/with/secrets/container). Kept per parsed job. */
export function jobValues(job: Job): readonly Located[] {
  let values = valuesByJob.get(job);
  if (!values) {
    values = collectJobValues(job);
    valuesByJob.set(job, values);
  }
  return values;
}

export function collectJobValues(job: Job): Located[] {
  const out: Located[] = [];
  const add = (value: ScalarValue | undefined, where: string, step?: Step) => {
    if (value) out.push(step ? { value, where, job, step } : { value, where, job });
  };
  const base = `jobs.${job.id}`;
  // for-in over the parsed (prototype-free) mappings: Object.entries' order, no entry arrays.
  for (const k in job.env) add(job.env[k], `${base}.env.${k}`);
  for (const k in job.with) add(job.with[k], `${base}.with.${k}`);
  if (job.secrets && !job.secrets.inherit)
    for (const k in job.secrets.values) add(job.secrets.values[k], `${base}.secrets.${k}`);
  add(job.if, `${base}.if`);
  add(job.container?.credentialsPassword, `${base}.container.credentials.password`);
  for (const [k, v] of Object.entries(job.outputs ?? {})) add(v, `${base}.outputs.${k}`);
  for (const s of job.steps) {
    const sb = `${base}.steps[${s.index}]`;
    add(s.run, `${sb}.run`, s);
    add(s.if, `${sb}.if`, s);
    for (const k in s.with) add(s.with[k], `${sb}.with.${k}`, s);
    for (const k in s.env) add(s.env[k], `${sb}.env.${k}`, s);
  }
  return out;
}

export const envValuesByWorkflow = new WeakMap<Workflow, readonly Located[]>();

/** The workflow-level `env:` values. Kept per parsed workflow, so secretRefs of it is too. */
export function workflowEnvValues(wf: Workflow): readonly Located[] {
  let values = envValuesByWorkflow.get(wf);
  if (!values) {
    values = Object.entries(wf.env).map(([k, value]) => ({ value, where: `env.${k}` }));
    envValuesByWorkflow.set(wf, values);
  }
  return values;
}

export function workflowValues(wf: Workflow): readonly Located[] {
  let values = valuesByWorkflow.get(wf);
  if (!values) {
    values = [...workflowEnvValues(wf), ...wf.jobs.flatMap((j) => jobValues(j))];
    valuesByWorkflow.set(wf, values);
  }
  return values;
}

export interface SecretRef {
  /** Secret name as written, or "" for whole-context / computed access. */
  name: string;
  expr: ExpressionRef;
  at: Located;
}

export const refsByValues = new WeakMap<readonly Located[], readonly SecretRef[]>();

/** `secrets.X` reads (and whole-context or computed reads, with name ""). Kept per values list (workflowValues is itself kept per workflow). */
export function secretRefs(values: readonly Located[]): readonly SecretRef[] {
  let refs = refsByValues.get(values);
  if (!refs) {
    refs = collectSecretRefs(values);
    refsByValues.set(values, refs);
  }
  return refs;
}

/**
 * False only for contexts that cannot lower-case to anything starting "se" (so never to
 * `secrets…`): only ASCII S/s and E/e lower-case to "s" and "e". Saves lower-casing every
 * `github.…`/`env.…` context of every expression just to compare it.
 */
export const mayBeSecrets = (context: string): boolean =>
  (context.charCodeAt(0) | 32) === 115 && (context.charCodeAt(1) | 32) === 101;

export function collectSecretRefs(values: readonly Located[]): SecretRef[] {
  const out: SecretRef[] = [];
  for (const at of values) {
    for (const expr of at.value.expressions) {
      for (const c of expr.contexts) {
        if (!mayBeSecrets(c)) continue;
        const lower = c.toLowerCase();
        if (lower === "secrets" || lower.startsWith("secrets[")) out.push({ name: "", expr, at });
        else if (lower.startsWith("secrets."))
          out.push({ name: c.slice("secrets.".length).split(".")[0] ?? "", expr, at });
      }
    }
  }
  return out;
}

export const isTokenSecret = (name: string): boolean => name.toUpperCase() === "GITHUB_TOKEN";
