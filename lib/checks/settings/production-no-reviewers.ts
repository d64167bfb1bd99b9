import type { CheckDefinition } from "../types";
import { api, finding } from "../evidence";
import { defineCheck } from "../define";
import { envField, envEndpoint, envUi, judgeProduction, productionRationale } from "../support/environments";

export const productionNoReviewers: CheckDefinition = defineCheck({
  id: "production-no-reviewers",
  title: "Production environments require reviewers",
  category: "change-control",
  severity: "high",
  from: ["settings"],
  input: "live-settings",
  rationale: `Required reviewers make a person approve each deployment job before it reads the environment's secrets and runs; without them any workflow run that names the environment deploys.${productionRationale}`,
  remediation: "Add required reviewers (a release team) to every production environment.",
  run: (facts, ctx) =>
    judgeProduction(facts, ctx, {
      judge: (env) =>
        env.requiredReviewers.length > 0
          ? api(
              `${envField(env)}.protection_rules[required_reviewers].reviewers`,
              env.requiredReviewers.map((r) => r.login),
            )
          : finding(
              `Production environment "${env.name}" has no required reviewers.`,
              api(`${envField(env)}.protection_rules[required_reviewers]`, null),
              `${envUi(env)} → tick "Required reviewers" and add a team. REST: \`${envEndpoint(facts, env)}\` with \`{"reviewers":[{"type":"Team","id":<team id>}],"prevent_self_review":true}\`.`,
            ),
    }),
});
