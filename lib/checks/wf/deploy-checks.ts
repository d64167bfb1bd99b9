// deploy-without-environment and rebuild-on-deploy.
import type { Job } from "../../analyzers/workflow/model";
import type { CheckContext, Finding } from "../types";
import { buildSteps, deploySignals } from "./deploy";
import { finding, wfCheck } from "./util";

export const deployWithoutEnvironment = wfCheck({
  id: "deploy-without-environment",
  title: "Deploy jobs run in an environment",
  category: "change-control",
  severity: "high",
  from: ["wf"],
  rationale:
    "Only jobs that name an `environment:` are subject to its required reviewers, wait timers and branch rules, and only they get its scoped secrets. A deploy job without one ships whatever any workflow run asks it to.",
  remediation:
    "Add `environment: <name>` to each deploy job and configure that environment's protection rules.",
  evaluate(workflows) {
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
            wf,
            s.pos,
            `Job \`${job.id}\` deploys (${s.what}) without an environment.`,
            `Add \`environment: production\` (the environment this job deploys to) under \`jobs.${job.id}:\` and give that environment required reviewers and a deployment branch rule.`,
            s.confidence,
          ),
        );
      }
    }
    return deployJobs === 0 ? { findings, notApplicable: "No deploy-like job found." } : { findings };
  },
});

function isProductionDeploy(job: Job, ctx: CheckContext): boolean {
  const env = job.environment?.name;
  if (env && env.expressions.length === 0) return ctx.isProductionEnvironment(env.value);
  return !env && deploySignals(job).some((s) => s.confidence === "high");
}

export const rebuildOnDeploy = wfCheck({
  id: "rebuild-on-deploy",
  title: "Production deploys promote the built artifact",
  category: "integrity",
  severity: "medium",
  from: ["wf"],
  rationale:
    "Rebuilding in the deploy job ships an artifact nobody scanned or tested, and lets a changed dependency or cache slip in between test and release. Promote the exact digest the build job produced.",
  remediation:
    "Build once in a build job, output the artifact digest, and have the production deploy job download/pull that digest (`needs.build.outputs.digest`) instead of building again.",
  evaluate(workflows, _facts, ctx) {
    const findings: Finding[] = [];
    let prodJobs = 0;
    for (const wf of workflows.filter((w) => w.kind === "workflow")) {
      for (const job of wf.jobs) {
        if (!isProductionDeploy(job, ctx)) continue;
        prodJobs++;
        const build = buildSteps(job)[0];
        if (!build) continue;
        const target = job.environment ? `environment \`${job.environment.name.value}\`` : "production";
        findings.push(
          finding(
            wf,
            build.pos,
            `Deploy job \`${job.id}\` (${target}) builds the artifact again (${build.what}).`,
            `Move this build into a separate job that outputs the image digest / artifact, add \`needs: <build-job>\` to \`${job.id}\` and deploy \`\${{ needs.<build-job>.outputs.digest }}\` (or download the artifact) instead.`,
            job.environment ? "high" : "medium",
          ),
        );
      }
    }
    return prodJobs === 0 ? { findings, notApplicable: "No production deploy job found." } : { findings };
  },
});
