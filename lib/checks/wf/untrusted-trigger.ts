// dangerous-trigger and secrets-in-untrusted-trigger: privileged workflows that fetch and
// run the attacker's code ("pwn requests").
import { privilegedTriggers } from "../../analyzers/workflow/triggers";
import type { Finding } from "../types";
import { forkGuarded, minConfidence, untrustedCode } from "./untrusted-code";
import { finding, isTokenSecret, jobValues, secretRefs, wfCheck } from "./util";

const SPLIT_FIX =
  "Build untrusted code only in an unprivileged `on: pull_request` workflow; if results must be published, upload them as an artifact and consume them as data in a separate `workflow_run` workflow. Otherwise drop the `ref:` so the base branch is checked out.";

export const dangerousTrigger = wfCheck({
  id: "dangerous-trigger",
  title: "Privileged triggers never run pull-request code",
  category: "integrity",
  severity: "critical",
  from: ["wf"],
  rationale:
    "pull_request_target, workflow_run and comment triggers run with the base repository's secrets and a token that can write. Checking out the pull request's code there and building it lets any fork author execute code with those privileges.",
  remediation: SPLIT_FIX,
  evaluate(workflows) {
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
              wf,
              fetch.step.pos,
              msg,
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

export const secretsInUntrustedTrigger = wfCheck({
  id: "secrets-in-untrusted-trigger",
  title: "No secrets in jobs that run fork code",
  category: "secrets",
  severity: "critical",
  from: ["wf"],
  rationale:
    "A job started by pull_request_target, workflow_run or a comment that also runs the pull request's code hands its secrets to whoever wrote that code.",
  remediation:
    "Move secret-using steps out of jobs that check out or download pull-request code, or stop running that code in the privileged workflow.",
  evaluate(workflows) {
    const findings: Finding[] = [];
    let privileged = 0;
    for (const wf of workflows) {
      const triggers = privilegedTriggers(wf).map((t) => t.event);
      if (triggers.length === 0) continue;
      privileged++;
      const top = Object.entries(wf.env).map(([k, value]) => ({ value, where: `env.${k}` }));
      for (const job of wf.jobs) {
        const running = untrustedCode(wf, job).filter((u) => u.exec !== null);
        if (running.length === 0) continue;
        const secrets = secretRefs([...top, ...jobValues(job)]).filter((r) => !isTokenSecret(r.name));
        if (secrets.length === 0) continue;
        const names = [...new Set(secrets.map((s) => (s.name === "" ? s.expr.expr : s.name)))];
        const u = running[0]!;
        const msg = `\`${triggers.join(", ")}\` job \`${job.id}\` runs code from ${u.fetch.what} and reads secrets: ${names.join(", ")}.`;
        const fix = `Move the steps using ${names.join(", ")} into a separate job that does not check out or download pull-request code (\`needs:\` the build job and consume its output as data), or ${SPLIT_FIX.charAt(0).toLowerCase()}${SPLIT_FIX.slice(1)}`;
        findings.push(
          finding(
            wf,
            secrets[0]!.expr.pos,
            msg,
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
