import type { Finding } from "../types";
import { deploySignals } from "../support/deploy";
import { finding, at } from "../evidence";
import { defineCheck } from "../define";

export const deployWithoutEnvironment = defineCheck({
  id: "deploy-without-environment",
  title: "Deploy jobs run in an environment",
  category: "change-control",
  severity: "high",
  from: ["wf"],
  rationale:
    "Only jobs that name an `environment:` are subject to its required reviewers, wait timers and branch rules, and only they get its scoped secrets. A deploy job without one ships whatever any workflow run asks it to.",
  remediation:
    "Add `environment: <name>` to each deploy job and configure that environment's protection rules.",
  input: "workflows",
  run(workflows) {
    const findings: Finding[] = [];
    let deployJobs = 0;
    for (const wf of workflows.filter((w) => w.kind === "workflow")) {
      for (const job of wf.jobs) {
        const signals = deploySignals(job);
        if (signals.length === 0) continue;
        deployJobs++;
        if (job.environment) continue;
        const s = signals.find((x) => x.confidence === "high") ?? signals[0]!;
        findings.push(
          finding(
            `Job \`${job.id}\` deploys (${s.what}) without an environment.`,
            at(wf, s.pos),
            `Add \`environment: production\` (the environment this job deploys to) under \`jobs.${job.id}:\` and give that environment required reviewers and a deployment branch rule.`,
            s.confidence,
          ),
        );
      }
    }
    return deployJobs === 0 ? { findings, notApplicable: "No deploy-like job found." } : { findings };
  },
});
