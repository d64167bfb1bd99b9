import type { Workflow } from "../../analyzers/workflow/model";
import { privilegedTriggers } from "../../analyzers/workflow/triggers";
import type { Finding } from "../types";
import { scriptLines } from "../support/shell";
import { prepareFlows, scriptTaint } from "../support/data-flow";
import { taintIn } from "../support/taint-flow";
import { untrustedCode } from "../support/untrusted-code";
import { finding, at } from "../evidence";
import { usesAction } from "../support/util";
import { defineCheck } from "../define";

const ENV_FILES = ["GITHUB_ENV", "GITHUB_PATH"];

const READS_DATA = ["cat ", "$(", "<", "jq ", "head ", "tail ", "read "];

function envFileFindings(wf: Workflow): Finding[] {
  const out: Finding[] = [];
  for (const job of wf.jobs) {
    const untrusted = untrustedCode(wf, job);
    for (const step of job.steps) {
      const fetched = untrusted.find((u) => u.fetch.step.index < step.index);
      if (step.run) {
        const tainted = new Map(scriptTaint({ wf, job, step }).map((t) => [t.line, t.origin] as const));
        for (const l of scriptLines(wf, step.run)) {
          const file = ENV_FILES.find((f) => l.text.includes(f));
          if (!file) continue;
          const origin = tainted.get(l.line);
          const fix = `Do not write untrusted data to $${file}: use the value only inside this step (a shell variable), or validate it against a strict allow-list (e.g. \`[[ "$V" =~ ^[A-Za-z0-9._-]+$ ]]\`) before writing.`;
          if (origin) {
            const via = origin.via.length ? ` (via ${origin.via.join(" → ")})` : "";
            out.push(
              finding(
                `Attacker-controlled \`${origin.source}\`${via} is written to $${file} in job \`${job.id}\`; a newline in it defines arbitrary variables (e.g. LD_PRELOAD, NODE_OPTIONS) for later steps.`,
                at(wf, { line: l.line, column: 1 }),
                fix,
                origin.confidence,
              ),
            );
          } else if (fetched && READS_DATA.some((r) => l.text.includes(r))) {
            out.push(
              finding(
                `Job \`${job.id}\` writes data read from ${fetched.fetch.what} to $${file}.`,
                at(wf, { line: l.line, column: 1 }),
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
              `github-script exports attacker-controlled \`${hit.source}\` as an environment variable or PATH entry.`,
              at(wf, script.pos),
              "Do not call core.exportVariable/core.addPath with untrusted data; validate it against a strict allow-list first.",
              hit.confidence,
            ),
          );
      }
    }
  }
  return out;
}

export const githubEnvInjection = defineCheck({
  id: "github-env-injection",
  title: "Untrusted data never reaches GITHUB_ENV or GITHUB_PATH",
  category: "integrity",
  severity: "high",
  from: ["wf"],
  rationale:
    "Lines appended to $GITHUB_ENV / $GITHUB_PATH configure every later step. In a privileged trigger, attacker text written there (a branch name, a PR artifact) can set LD_PRELOAD, NODE_OPTIONS or PATH and take over the job with its secrets.",
  remediation:
    "Keep untrusted values in step-local variables, or validate them against a strict allow-list before writing them to $GITHUB_ENV / $GITHUB_PATH.",
  input: "workflows",
  run(workflows) {
    prepareFlows(workflows);
    const privileged = workflows.filter((wf) => privilegedTriggers(wf).length > 0);
    if (privileged.length === 0)
      return { findings: [], notApplicable: "No workflow uses a privileged trigger." };
    return { findings: privileged.flatMap(envFileFindings) };
  },
});
