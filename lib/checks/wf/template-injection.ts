import type { ExpressionRef, ScalarValue, Step, Workflow } from "../../analyzers/workflow/model";
import type { Finding, Severity } from "../types";
import { type TaintHit, envNameFor, injectionSeverity, taintedPaths } from "../support/taint-flow";
import { finding, at } from "../evidence";
import { usesAction } from "../support/util";
import { defineCheck } from "../define";
import { prepareFlows } from "../support/data-flow";

/**
 * Action inputs that the action runs as code (names lowercase, as actionName gives them),
 * and how that code reads an environment variable instead. From CodeQL's code-injection sinks, as zizmor's template-injection
 * tests exercise them (codeql-sinks, pwsh-script, pr-425-backstop, issue-883): measured
 * by `npm run accuracy:zizmor`, these were missed when only `run:` and github-script counted.
 */
const CODE_INPUTS: ReadonlyArray<{ action: string; input: string; read: (v: string) => string }> = [
  { action: "actions/github-script", input: "script", read: (v) => `process.env.${v}` },
  { action: "mikefarah/yq", input: "cmd", read: (v) => `"$${v}"` },
  { action: "azure/cli", input: "inlineScript", read: (v) => `"$${v}"` },
  { action: "azure/powershell", input: "inlineScript", read: (v) => `$env:${v}` },
  { action: "amadevus/pwsh-script", input: "script", read: (v) => `$env:${v}` },
  { action: "jannekem/run-python-script-action", input: "script", read: (v) => `os.environ["${v}"]` },
  { action: "addnab/docker-run-action", input: "run", read: (v) => `"$${v}"` },
];

interface Sink {
  value: ScalarValue;
  /** "the `run:` script" or "the <action> `<input>:`". */
  where: string;
  read: (name: string) => string;
}

const readShellVar = (v: string) => `"$${v}"`;

/** Code-carrying values of a step; a value without any `${{ }}` cannot inject, so it is left out (most are). */
function sinks(step: Step): Sink[] {
  const out: Sink[] = [];
  if (step.run && step.run.expressions.length > 0)
    out.push({ value: step.run, where: "the `run:` script", read: readShellVar });
  for (const c of CODE_INPUTS) {
    const value = step.with[c.input];
    if (value && value.expressions.length > 0 && usesAction(step, c.action))
      out.push({ value, where: `the ${c.action} \`${c.input}:\``, read: c.read });
  }
  return out;
}

function injectionFinding(
  wf: Workflow,
  jobId: string,
  sink: Sink,
  e: ExpressionRef,
  hit: Omit<TaintHit, "expr">,
  severity: Severity,
): Finding {
  const via = hit.via.length ? ` (via ${hit.via.join(" → ")})` : "";
  // With an env hop the variable already exists: read it from the environment instead of `${{ }}`.
  const existing = hit.via[0]?.slice(4);
  const name = existing ?? envNameFor(hit.source);
  const use = sink.read(name);
  const fix = existing
    ? `Replace \`\${{ ${e.expr} }}\` with \`${use}\`: the variable is read at run time instead of being pasted into the code.`
    : `Add \`${name}: \${{ ${hit.source} }}\` to this step's \`env:\` and replace \`\${{ ${e.expr} }}\` with \`${use}\`.`;
  const msg = `\`${hit.source}\`${via} is expanded into ${sink.where} of job \`${jobId}\`: whoever controls it can inject code.`;
  // A published action's input is attacker text only for callers that pass it some: high, not critical.
  const level = hit.confidence === "low" && wf.kind === "composite-action" ? "high" : severity;
  return finding(msg, at(wf, e.pos), fix, hit.confidence, level === "critical" ? undefined : level);
}

export const templateInjection = defineCheck({
  id: "template-injection",
  title: "No attacker-controlled text expanded into scripts",
  category: "integrity",
  severity: "critical",
  from: ["wf"],
  rationale:
    "`${{ }}` is substituted into the script before the shell (or github-script's JavaScript, or the code input of actions such as azure/cli or mikefarah/yq) runs, so an issue title, branch name or comment containing `\"; curl … | sh #` becomes code running with the job's token and secrets.",
  remediation:
    'Pass untrusted values through `env:` and reference them as shell variables (`"$TITLE"`) or `process.env.TITLE`, never as `${{ }}` inside the script.',
  input: "workflows",
  run(workflows) {
    prepareFlows(workflows);
    const findings: Finding[] = [];
    for (const wf of workflows) {
      const severity = injectionSeverity(wf);
      for (const job of wf.jobs) {
        for (const step of job.steps) {
          for (const sink of sinks(step)) {
            for (const e of sink.value.expressions) {
              const hit = taintedPaths(e.valueContexts ?? e.contexts, step, job, wf)[0];
              if (hit) findings.push(injectionFinding(wf, job.id, sink, e, hit, severity));
            }
          }
        }
      }
    }
    return { findings };
  },
});
