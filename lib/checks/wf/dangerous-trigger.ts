import { privilegedTriggers } from "../../analyzers/workflow/triggers";
import type { Finding } from "../types";
import { forkGuarded, minConfidence, untrustedCode } from "../support/untrusted-code";
import { finding, at } from "../evidence";
import { defineCheck } from "../define";
import { SPLIT_FIX } from "../support/untrusted-trigger";
import { checkoutRefusesForkCode, workflowRunWithoutPrs } from "../support/pr-reach";

export const dangerousTrigger = defineCheck({
  id: "dangerous-trigger",
  title: "Privileged triggers never run pull-request code",
  category: "integrity",
  severity: "critical",
  from: ["wf"],
  rationale:
    "pull_request_target, workflow_run and comment triggers run with the base repository's secrets and a token that can write. Checking out the pull request's code there and building it lets any fork author execute code with those privileges.",
  remediation: SPLIT_FIX,
  input: "workflows",
  run(workflows) {
    const findings: Finding[] = [];
    const reasons: string[] = [];
    let privileged = 0;
    for (const wf of workflows) {
      let triggers = privilegedTriggers(wf).map((t) => t.event);
      if (triggers.length === 0) continue;
      privileged++;
      const upstream = triggers.includes("workflow_run") ? workflowRunWithoutPrs(wf, workflows) : null;
      if (upstream) {
        triggers = triggers.filter((t) => t !== "workflow_run");
        reasons.push(
          `${wf.path}: workflow_run follows ${upstream.join(", ")} of this repository, which never run on pull-request events, so no PR code arrives.`,
        );
        if (triggers.length === 0) continue;
      }
      for (const job of wf.jobs) {
        for (const { fetch, exec } of untrustedCode(wf, job)) {
          if (!exec) continue;
          if (checkoutRefusesForkCode(fetch.step, triggers)) {
            reasons.push(
              `${wf.path}: job \`${job.id}\` checks out PR code with ${fetch.step.uses?.value}, which refuses fork code under ${triggers.join(", ")}.`,
            );
            continue;
          }
          const runWhat = exec.step.run
            ? `\`${exec.step.run.value.trim().split("\n")[0]}\``
            : `\`${exec.step.uses?.value ?? "a local action"}\``;
          const readOnly =
            job.permissions?.kind === "scopes" &&
            Object.values(job.permissions.scopes).every((l) => l !== "write");
          const msg = `\`${triggers.join(", ")}\` job \`${job.id}\` fetches ${fetch.what} and then runs ${runWhat} (line ${(exec.step.run ?? exec.step.uses)?.pos.line ?? exec.step.pos.line}).`;
          findings.push(
            finding(
              msg,
              at(wf, fetch.step.pos),
              `In job \`${job.id}\`: ${SPLIT_FIX}`,
              minConfidence(
                fetch.confidence,
                exec.confidence,
                readOnly ? "medium" : "high",
                forkGuarded(job) ? "low" : "high",
              ),
            ),
          );
        }
      }
    }
    return privileged === 0
      ? {
          findings,
          notApplicable:
            "No workflow uses a privileged trigger (pull_request_target, workflow_run, issue_comment, …).",
        }
      : reasons.length
        ? { findings, reason: reasons.join(" ") }
        : { findings };
  },
});
