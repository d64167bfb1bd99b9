import type { Job } from "../../analyzers/workflow/model";
import type { CheckContext, Finding } from "../types";
import { buildSteps, deploySignals } from "../support/deploy";
import { finding, at } from "../evidence";
import { defineCheck } from "../define";

function isProductionDeploy(job: Job, ctx: CheckContext): boolean {
  const env = job.environment?.name;
  if (env && env.expressions.length === 0) return ctx.isProductionEnvironment(env.value);
  return !env && deploySignals(job).some((s) => s.confidence === "high");
}

export const rebuildOnDeploy = defineCheck({
  id: "rebuild-on-deploy",
  title: "Production deploys promote the built artifact",
  category: "integrity",
  severity: "medium",
  from: ["wf"],
  rationale:
    "Rebuilding in the deploy job ships an artifact nobody scanned or tested, and lets a changed dependency or cache slip in between test and release. Promote the exact digest the build job produced.",
  remediation:
    "Build once in a build job, output the artifact digest, and have the production deploy job download/pull that digest (`needs.build.outputs.digest`) instead of building again.",
  input: "workflows",
  run(workflows, _facts, ctx) {
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
            `Deploy job \`${job.id}\` (${target}) builds the artifact again (${build.what}).`,
            at(wf, build.pos),
            `Move this build into a separate job that outputs the image digest / artifact, add \`needs: <build-job>\` to \`${job.id}\` and deploy \`\${{ needs.<build-job>.outputs.digest }}\` (or download the artifact) instead.`,
            job.environment ? "high" : "medium",
          ),
        );
      }
    }
    return prodJobs === 0 ? { findings, notApplicable: "No production deploy job found." } : { findings };
  },
});
