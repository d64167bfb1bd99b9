import { privilegedTriggers } from "../../analyzers/workflow/triggers";
import type { Finding } from "../types";
import { forkGuarded, minConfidence, untrustedCode } from "../support/untrusted-code";
import { finding, at } from "../evidence";
import { defineCheck } from "../define";
import { SPLIT_FIX } from "../support/untrusted-trigger";

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
    let privileged = 0;
    for (const wf of workflows) {
      const triggers = privilegedTriggers(wf).map((t) => t.event);
      if (triggers.length === 0) continue;
      privileged++;
      for (const job of wf.jobs) {
        for (const { fetch, exec } of untrustedCode(wf, job)) {
          if (!exec) continue;
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
      : { findings };
  },
});
