// template-injection, github-env-injection and insecure-commands.
import type { ExpressionRef, ScalarValue, Step, Workflow } from "../../analyzers/workflow/model";
import { privilegedTriggers } from "../../analyzers/workflow/triggers";
import type { Finding, Severity } from "../types";
import { readsVar, scriptLines } from "./shell";
import type { TaintHit } from "./taint-flow";
import { envLookup, envNameFor, injectionSeverity, taintIn, taintedPaths } from "./taint-flow";
import { untrustedCode } from "./untrusted-code";
import { finding, usesAction, wfCheck } from "./util";

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
  return finding(wf, e.pos, msg, fix, hit.confidence, severity === "critical" ? undefined : severity);
}

export const templateInjection = wfCheck({
  id: "template-injection",
  title: "No attacker-controlled text expanded into scripts",
  category: "integrity",
  severity: "critical",
  from: ["wf"],
  rationale:
    "`${{ }}` is substituted into the script before the shell (or github-script's JavaScript) runs, so an issue title, branch name or comment containing `\"; curl … | sh #` becomes code running with the job's token and secrets.",
  remediation:
    'Pass untrusted values through `env:` and reference them as shell variables (`"$TITLE"`) or `process.env.TITLE`, never as `${{ }}` inside the script.',
  evaluate(workflows) {
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

const ENV_FILES = ["GITHUB_ENV", "GITHUB_PATH"];
const READS_DATA = ["cat ", "$(", "<", "jq ", "head ", "tail ", "read "];

function envFileFindings(wf: Workflow): Finding[] {
  const out: Finding[] = [];
  for (const job of wf.jobs) {
    const untrusted = untrustedCode(wf, job);
    for (const step of job.steps) {
      const fetched = untrusted.find((u) => u.fetch.step.index < step.index);
      if (step.run) {
        for (const l of scriptLines(wf, step.run)) {
          const file = ENV_FILES.find((f) => l.text.includes(f));
          if (!file) continue;
          const direct = taintedPaths(
            l.expressions.flatMap((e) => e.valueContexts ?? e.contexts),
            step,
            job,
            wf,
          )[0];
          const viaVar = [...Object.keys(step.env), ...Object.keys(job.env), ...Object.keys(wf.env)].find(
            (n) =>
              readsVar(l.text, n) &&
              taintedPaths(
                (envLookup(n, step, job, wf)?.expressions ?? []).flatMap(
                  (e) => e.valueContexts ?? e.contexts,
                ),
                step,
                job,
                wf,
              ).length > 0,
          );
          const fix = `Do not write untrusted data to $${file}: use the value only inside this step (a shell variable), or validate it against a strict allow-list (e.g. \`[[ "$V" =~ ^[A-Za-z0-9._-]+$ ]]\`) before writing.`;
          if (direct)
            out.push(
              finding(
                wf,
                { line: l.line, column: 1 },
                `Attacker-controlled \`${direct.source}\` is written to $${file} in job \`${job.id}\`; a newline in it defines arbitrary variables (e.g. LD_PRELOAD, NODE_OPTIONS) for later steps.`,
                fix,
                direct.confidence,
              ),
            );
          else if (viaVar)
            out.push(
              finding(
                wf,
                { line: l.line, column: 1 },
                `\`$${viaVar}\` (set from attacker-controlled data) is written to $${file} in job \`${job.id}\`.`,
                fix,
              ),
            );
          else if (fetched && READS_DATA.some((r) => l.text.includes(r))) {
            out.push(
              finding(
                wf,
                { line: l.line, column: 1 },
                `Job \`${job.id}\` writes data read from ${fetched.fetch.what} to $${file}.`,
                fix,
                "medium",
              ),
            );
          }
        }
      }
      const script = step.with["script"];
      if (
        script &&
        usesAction(step, "actions/github-script") &&
        (script.value.includes("exportVariable") || script.value.includes("addPath"))
      ) {
        const hit = taintIn(script, step, job, wf)[0];
        if (hit)
          out.push(
            finding(
              wf,
              script.pos,
              `github-script exports attacker-controlled \`${hit.source}\` as an environment variable or PATH entry.`,
              "Do not call core.exportVariable/core.addPath with untrusted data; validate it against a strict allow-list first.",
              hit.confidence,
            ),
          );
      }
    }
  }
  return out;
}

export const githubEnvInjection = wfCheck({
  id: "github-env-injection",
  title: "Untrusted data never reaches GITHUB_ENV or GITHUB_PATH",
  category: "integrity",
  severity: "high",
  from: ["wf"],
  rationale:
    "Lines appended to $GITHUB_ENV / $GITHUB_PATH configure every later step. In a privileged trigger, attacker text written there (a branch name, a PR artifact) can set LD_PRELOAD, NODE_OPTIONS or PATH and take over the job with its secrets.",
  remediation:
    "Keep untrusted values in step-local variables, or validate them against a strict allow-list before writing them to $GITHUB_ENV / $GITHUB_PATH.",
  evaluate(workflows) {
    const privileged = workflows.filter((wf) => privilegedTriggers(wf).length > 0);
    if (privileged.length === 0)
      return { findings: [], notApplicable: "No workflow uses a privileged trigger." };
    return { findings: privileged.flatMap(envFileFindings) };
  },
});

export const insecureCommands = wfCheck({
  id: "insecure-commands",
  title: "Deprecated workflow commands stay disabled",
  category: "integrity",
  severity: "high",
  from: ["wf"],
  rationale:
    "`ACTIONS_ALLOW_UNSECURE_COMMANDS` re-enables `::set-env` and `::add-path` on stdout, so any tool that prints attacker-controlled text (a log line, a test name) can set environment variables for later steps.",
  remediation:
    "Remove `ACTIONS_ALLOW_UNSECURE_COMMANDS` and write to $GITHUB_ENV / $GITHUB_PATH files instead of `::set-env` / `::add-path`.",
  evaluate(workflows) {
    const findings: Finding[] = [];
    for (const wf of workflows) {
      const envs: Array<[string, ScalarValue]> = [
        ...Object.entries(wf.env),
        ...wf.jobs.flatMap((j) => [
          ...Object.entries(j.env),
          ...j.steps.flatMap((s) => Object.entries(s.env)),
        ]),
      ];
      for (const [name, v] of envs) {
        if (name.toUpperCase() !== "ACTIONS_ALLOW_UNSECURE_COMMANDS") continue;
        if (["false", "0", ""].includes(v.value.trim().toLowerCase())) continue;
        findings.push(
          finding(
            wf,
            v.pos,
            `\`${name}: ${v.value}\` re-enables the insecure \`::set-env\` / \`::add-path\` commands.`,
            `Delete \`${name}: ${v.value}\` and replace \`echo "::set-env name=X::v"\` with \`echo "X=v" >> "$GITHUB_ENV"\` (and \`::add-path::\` with \`>> "$GITHUB_PATH"\`).`,
          ),
        );
      }
    }
    return { findings };
  },
});
