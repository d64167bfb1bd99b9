import type { Job, ScalarValue, Workflow } from "../../analyzers/workflow/model";
import type { Finding } from "../types";
import { enablesXtrace, printsToLog, readsVar, scriptLines } from "../support/shell";
import { finding, at } from "../evidence";
import { mayBeSecrets } from "../support/util";
import { defineCheck } from "../define";
import { extend } from "../../util/extend";

const touchesSecrets = (v: ScalarValue): boolean =>
  v.expressions.some((e) => e.contexts.some((c) => mayBeSecrets(c) && c.toLowerCase().startsWith("secrets")));

const DEBUG_VARS = ["ACTIONS_STEP_DEBUG", "ACTIONS_RUNNER_DEBUG"];

function debugFindings(wf: Workflow): Finding[] {
  const out: Finding[] = [];
  // Walked in place (workflow env, then each job's env and its steps'): no list of every env entry per workflow.
  const scan = (env: Record<string, ScalarValue>) => {
    for (const name in env) {
      const v = env[name]!;
      if (!DEBUG_VARS.includes(name.toUpperCase()) || v.value.trim().toLowerCase() !== "true") continue;
      out.push(
        finding(
          `\`${name}: true\` turns on debug logging, which prints step inputs and environment.`,
          at(wf, v.pos),
          `Delete \`${name}: ${v.value}\`; enable debug logging only for a single re-run from the Actions UI.`,
        ),
      );
    }
  };
  scan(wf.env);
  for (const j of wf.jobs) {
    scan(j.env);
    for (const s of j.steps) scan(s.env);
  }
  return out;
}

const secretEnvNames = (env: Record<string, ScalarValue>): string[] =>
  Object.entries(env)
    .filter(([, v]) => touchesSecrets(v))
    .map(([k]) => k);

function logFindings(wf: Workflow, job: Job, wfSecretVars: string[]): Finding[] {
  const out: Finding[] = [];
  const jobSecretVars = [...wfSecretVars, ...secretEnvNames(job.env)];
  for (const step of job.steps) {
    if (!step.run) continue;
    // Env vars of this step (or job/workflow) that carry a secret, read in shell as $NAME.
    const secretVars = [...jobSecretVars, ...secretEnvNames(step.env)];
    // Every finding below needs a secret in the script or its environment: most steps have neither.
    if (secretVars.length === 0 && !touchesSecrets(step.run)) continue;
    const lines = scriptLines(wf, step.run);
    // Shell variables derived from a secret (`KEY=$(echo $SECRET | jq …)`) are secrets too.
    for (const l of lines) {
      const t = l.text.trim().replace(/^(export|local|declare)\s+/, "");
      const eq = t.indexOf("=");
      const name = eq > 0 ? t.slice(0, eq) : "";
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || secretVars.includes(name)) continue;
      if (
        touchesSecrets(extend(step.run, { expressions: l.expressions })) ||
        secretVars.some((n) => readsVar(t.slice(eq), n))
      )
        secretVars.push(name);
    }
    const usesSecret =
      touchesSecrets(step.run) || secretVars.some((n) => lines.some((l) => readsVar(l.text, n)));
    const shellTrace = (step.shell ?? job.defaultShell ?? wf.defaultShell ?? "").includes(" -x");
    for (const l of lines) {
      const whole = l.expressions.find((e) => e.contexts.some((c) => c.toLowerCase() === "secrets"));
      if (whole) {
        out.push(
          finding(
            `\`\${{ ${whole.expr} }}\` expands every secret into the script text.`,
            at(wf, whole.pos),
            `Remove \`\${{ ${whole.expr} }}\` from the script and pass only the needed secrets through \`env:\`.`,
          ),
        );
        continue;
      }
      if (printsToLog(l.text)) {
        const direct = l.expressions.find((e) =>
          e.contexts.some(
            (c) => c.toLowerCase().startsWith("secrets.") && c.toLowerCase() !== "secrets.github_token",
          ),
        );
        const viaVar = secretVars.find((n) => readsVar(l.text, n));
        if (direct)
          out.push(
            finding(
              `The step prints \`\${{ ${direct.expr} }}\` to the log.`,
              at(wf, direct.pos),
              `Delete \`${l.text.trim()}\`; if the value must be shown, print a fingerprint (e.g. its length) instead.`,
            ),
          );
        else if (viaVar)
          out.push(
            finding(
              `The step prints \`$${viaVar}\`, which holds a secret.`,
              at(wf, { line: l.line, column: 1 }),
              `Delete \`${l.text.trim()}\`; GitHub masks only the exact secret text, so transformed or partial values leak.`,
              "medium",
            ),
          );
      }
      if (usesSecret && enablesXtrace(l.text)) {
        out.push(
          finding(
            "`set -x` traces every command of a script that handles secrets.",
            at(wf, { line: l.line, column: 1 }),
            `Remove \`${l.text.trim()}\` (or wrap the secret-handling lines in \`set +x\` … \`set -x\`).`,
            "medium",
          ),
        );
      }
    }
    if (usesSecret && shellTrace)
      out.push(
        finding(
          `The step runs with \`shell: ${step.shell ?? job.defaultShell ?? wf.defaultShell}\` (xtrace) while handling secrets.`,
          at(wf, step.pos),
          "Drop `-x` from the step's `shell:`.",
          "medium",
        ),
      );
  }
  return out;
}

export const secretInLogs = defineCheck({
  id: "secret-in-logs",
  title: "Secrets are never printed to logs",
  category: "secrets",
  severity: "high",
  from: ["wf"],
  rationale:
    "Workflow logs are readable by everyone with read access (everyone, for public repositories). GitHub masks only exact secret strings: base64, JSON-escaped, split or traced values slip through.",
  remediation:
    "Never echo secrets, `toJSON(secrets)` or secret-bearing variables; do not enable `set -x` or debug logging around secret use.",
  input: "workflows",
  run(workflows) {
    return {
      findings: workflows.flatMap((wf) => [
        ...debugFindings(wf),
        ...wf.jobs.flatMap((job) => logFindings(wf, job, secretEnvNames(wf.env))),
      ]),
    };
  },
});
