import type { Job, ScalarValue } from "../../analyzers/workflow/model";
import { findExpressions } from "../../analyzers/expressions/find-expressions";
import { hasPullRequestTrigger, privilegedTriggers } from "../../analyzers/workflow/triggers";
import type { Confidence, Finding } from "../types";
import { finding, at } from "../evidence";
import { defineCheck } from "../define";
import { extend } from "../../util/extend";

const HOSTED_PREFIXES = ["ubuntu-", "windows-", "macos-"];

/** Labels a job may run on, with a `${{ matrix.x }}` template expanded from the job's matrix. */
function runnerLabels(job: Job): Array<{ label: string; at: ScalarValue }> {
  const out: Array<{ label: string; at: ScalarValue }> = [];
  const matrix = (job.strategy?.matrix ?? null) as Record<string, unknown> | null;
  for (const sv of job.runsOn) {
    const spans = findExpressions(sv.value);
    if (spans.length === 0) {
      out.push({ label: sv.value, at: sv });
      continue;
    }
    // Only `…${{ matrix.k }}…` is expanded; computed choices between literals are left alone.
    const span = spans[0]!;
    const paths = sv.expressions[0]?.valueContexts ?? [];
    const key = paths.length === 1 && paths[0]!.startsWith("matrix.") ? paths[0]!.slice(7) : null;
    if (spans.length !== 1 || !key || !matrix || typeof matrix !== "object") continue;
    const include = Array.isArray(matrix["include"])
      ? (matrix["include"] as Array<Record<string, unknown> | null>).map((i) => i?.[key])
      : [];
    for (const v of [matrix[key], ...include].flat(2)) {
      if (typeof v === "string")
        out.push({ label: sv.value.slice(0, span.start) + v + sv.value.slice(span.end), at: sv });
    }
  }
  return out;
}

function selfHosted(job: Job): { label: string; at: ScalarValue; confidence: Confidence } | null {
  const labels = runnerLabels(job);
  const explicit = labels.find((l) => l.label.toLowerCase() === "self-hosted");
  if (explicit) return extend(explicit, { confidence: "high" as const });
  // Unknown labels are self-hosted or larger GitHub runners; only the former is risky.
  const custom = labels.find((l) => !HOSTED_PREFIXES.some((p) => l.label.toLowerCase().startsWith(p)));
  return custom ? extend(custom, { confidence: "medium" as const }) : null;
}

export const selfHostedRunner = defineCheck({
  id: "self-hosted-runner",
  title: "Self-hosted runners never run untrusted code",
  category: "integrity",
  severity: "medium",
  from: ["wf"],
  rationale:
    "Self-hosted runners are not wiped between jobs. In a public repository or on pull-request triggers, anyone who can open a PR can run code on them, persist a backdoor and read later jobs' secrets and network.",
  remediation:
    "Use GitHub-hosted runners for public repositories and pull-request workflows, or ephemeral (just-in-time) self-hosted runners in an isolated runner group.",
  input: "workflows",
  run(workflows, facts) {
    const findings: Finding[] = [];
    let undecided = 0;
    for (const wf of workflows) {
      const prTriggers = hasPullRequestTrigger(wf) || privilegedTriggers(wf).length > 0;
      for (const job of wf.jobs) {
        const sh = selfHosted(job);
        if (!sh) continue;
        const why =
          facts.visibility === "public"
            ? "the repository is public"
            : prTriggers
              ? `the workflow runs on ${wf.triggers.map((t) => t.event).join(", ")}`
              : null;
        if (!why) {
          if (facts.visibility === null) undecided++;
          continue;
        }
        findings.push(
          finding(
            `Job \`${job.id}\` runs on \`${sh.label}\` (self-hosted) while ${why}.`,
            at(wf, sh.at.pos),
            `Change \`runs-on\` of job \`${job.id}\` to a GitHub-hosted label (e.g. \`ubuntu-latest\`), or restrict the workflow to trusted triggers and use ephemeral runners.`,
            sh.confidence,
          ),
        );
      }
    }
    if (undecided > 0)
      return {
        findings,
        unknown: `${undecided} job(s) use self-hosted runners and the repository's visibility is not known.`,
      };
    return { findings };
  },
});
