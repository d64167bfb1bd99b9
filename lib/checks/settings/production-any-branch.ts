import type { CheckDefinition } from "../types";
import { api, finding } from "../evidence";
import { defineCheck } from "../define";
import { envField, envEndpoint, envUi, judgeProduction, productionRationale } from "../support/environments";

export const productionAnyBranch: CheckDefinition = defineCheck({
  id: "production-any-branch",
  title: "Production environments only accept protected branches",
  category: "change-control",
  severity: "high",
  from: ["settings"],
  input: "live-settings",
  rationale: `Without a deployment branch policy, a workflow on any branch (including an unreviewed one) can deploy to production and read its secrets. A custom policy of "*" or "**" counts as any branch.${productionRationale}`,
  remediation:
    'Restrict production environments to "Protected branches only" or a selected list of release branches.',
  run: (facts, ctx) =>
    judgeProduction(facts, ctx, {
      judge: (env) => {
        const field = `${envField(env)}.deployment_branch_policy`;
        const policy = env.deploymentBranchPolicy;
        const wildcard =
          policy?.customBranchPolicies === true && env.branchPolicies.some((p) => p === "*" || p === "**");
        if (policy && !wildcard)
          return api(field, {
            protected_branches: policy.protectedBranches,
            custom_branch_policies: policy.customBranchPolicies,
          });
        return finding(
          wildcard
            ? `Production environment "${env.name}" accepts deployments from any branch (branch policy "${env.branchPolicies.join('", "')}").`
            : `Production environment "${env.name}" accepts deployments from any branch.`,
          wildcard
            ? api(`${envField(env)}/deployment-branch-policies[].name`, env.branchPolicies)
            : api(field, null),
          `${envUi(env)} → Deployment branches and tags → "Protected branches only". REST: \`${envEndpoint(facts, env)}\` with \`{"deployment_branch_policy":{"protected_branches":true,"custom_branch_policies":false}}\`.`,
        );
      },
    }),
});
