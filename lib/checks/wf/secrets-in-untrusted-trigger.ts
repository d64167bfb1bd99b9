import { privilegedTriggers } from "../../analyzers/workflow/triggers";
import type { Finding } from "../types";
import { forkGuarded, minConfidence, untrustedCode } from "../support/untrusted-code";
import { finding, at } from "../evidence";
import { isTokenSecret, jobValues, secretRefs, workflowEnvValues } from "../support/util";
import { defineCheck } from "../define";
import { SPLIT_FIX } from "../support/untrusted-trigger";

export const secretsInUntrustedTrigger = defineCheck({
  id: "secrets-in-untrusted-trigger",
  title: "No secrets in jobs that run fork code",
  category: "secrets",
  severity: "critical",
  from: ["wf"],
  rationale:
    "A job started by pull_request_target, workflow_run or a comment that also runs the pull request's code hands its secrets to whoever wrote that code.",
  remediation:
    "Move secret-using steps out of jobs that check out or download pull-request code, or stop running that code in the privileged workflow.",
  input: "workflows",
  run(workflows) {
    const findings: Finding[] = [];
    let privileged = 0;
    for (const wf of workflows) {
      const triggers = privilegedTriggers(wf).map((t) => t.event);
      if (triggers.length === 0) continue;
      privileged++;
      for (const job of wf.jobs) {
        const running = untrustedCode(wf, job).filter((u) => u.exec !== null);
        if (running.length === 0) continue;
        // Workflow env's and the job's references, each kept per parsed workflow/job.
        const secrets = [...secretRefs(workflowEnvValues(wf)), ...secretRefs(jobValues(job))].filter(
          (r) => !isTokenSecret(r.name),
        );
        if (secrets.length === 0) continue;
        const names = [...new Set(secrets.map((s) => (s.name === "" ? s.expr.expr : s.name)))];
        const u = running[0]!;
        const msg = `\`${triggers.join(", ")}\` job \`${job.id}\` runs code from ${u.fetch.what} and reads secrets: ${names.join(", ")}.`;
        const fix = `Move the steps using ${names.join(", ")} into a separate job that does not check out or download pull-request code (\`needs:\` the build job and consume its output as data), or ${SPLIT_FIX.charAt(0).toLowerCase()}${SPLIT_FIX.slice(1)}`;
        findings.push(
          finding(
            msg,
            at(wf, secrets[0]!.expr.pos),
            fix,
            minConfidence(
              u.fetch.confidence,
              u.exec?.confidence ?? "medium",
              forkGuarded(job) ? "low" : "high",
            ),
          ),
        );
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
