import type { ExpressionRef, ScalarValue, Step, Workflow } from "../../analyzers/workflow/model";
import type { Finding, Severity } from "../types";
import { type TaintHit, envNameFor, injectionSeverity, taintedPaths } from "../support/taint-flow";
import { finding, at } from "../evidence";
import { usesAction } from "../support/util";
import { defineCheck } from "../define";
import { prepareFlows } from "../support/data-flow";

function sinks(step: Step): Array<{ value: ScalarValue; kind: "run" | "script" }> {
  const out: Array<{ value: ScalarValue; kind: "run" | "script" }> = [];
  if (step.run) out.push({ value: step.run, kind: "run" });
  const script = step.with["script"];
  if (script && usesAction(step, "actions/github-script")) out.push({ value: script, kind: "script" });
  return out;
}

function injectionFinding(
  wf: Workflow,
  jobId: string,
  kind: "run" | "script",
  e: ExpressionRef,
  hit: Omit<TaintHit, "expr">,
  severity: Severity,
): Finding {
  const where = kind === "run" ? "the `run:` script" : "the actions/github-script `script:`";
  const via = hit.via.length ? ` (via ${hit.via.join(" → ")})` : "";
  // With an env hop the variable already exists: read it from the environment instead of `${{ }}`.
  const existing = hit.via[0]?.slice(4);
  const name = existing ?? envNameFor(hit.source);
  const use = kind === "run" ? `"$${name}"` : `process.env.${name}`;
  const fix = existing
    ? `Replace \`\${{ ${e.expr} }}\` with \`${use}\`: the variable is read at run time instead of being pasted into the code.`
    : `Add \`${name}: \${{ ${hit.source} }}\` to this step's \`env:\` and replace \`\${{ ${e.expr} }}\` with \`${use}\`.`;
  const msg = `\`${hit.source}\`${via} is expanded into ${where} of job \`${jobId}\`: whoever controls it can inject code.`;
  return finding(msg, at(wf, e.pos), fix, hit.confidence, severity === "critical" ? undefined : severity);
}

export const templateInjection = defineCheck({
  id: "template-injection",
  title: "No attacker-controlled text expanded into scripts",
  category: "integrity",
  severity: "critical",
  from: ["wf"],
  rationale:
    "`${{ }}` is substituted into the script before the shell (or github-script's JavaScript) runs, so an issue title, branch name or comment containing `\"; curl … | sh #` becomes code running with the job's token and secrets.",
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
              if (hit) findings.push(injectionFinding(wf, job.id, sink.kind, e, hit, severity));
            }
          }
        }
      }
    }
    return { findings };
  },
});
