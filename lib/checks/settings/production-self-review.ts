import type { CheckDefinition } from "../types";
import { api, finding } from "../evidence";
import { defineCheck } from "../define";
import { envField, envEndpoint, envUi, judgeProduction, productionRationale } from "../support/environments";

export const productionSelfReview: CheckDefinition = defineCheck({
  id: "production-self-review",
  title: "Deployers cannot approve their own production deployment",
  category: "change-control",
  severity: "medium",
  from: ["settings"],
  input: "live-settings",
  rationale: `If a required reviewer may approve a run they triggered, the reviewer gate is one person deciding alone. Environments without reviewers are left to production-no-reviewers.${productionRationale}`,
  remediation: 'Enable "Prevent self-review" on every production environment.',
  run: (facts, ctx) =>
    judgeProduction(facts, ctx, {
      skip: (env) => env.requiredReviewers.length === 0,
      skipReason:
        "No production environment has required reviewers, so there is no approval to self-grant (production-no-reviewers reports it).",
      judge: (env) => {
        const field = `${envField(env)}.protection_rules[required_reviewers].prevent_self_review`;
        return env.preventSelfReview
          ? api(field, true)
          : finding(
              `Reviewers of production environment "${env.name}" may approve their own deployments.`,
              api(field, false),
              `${envUi(env)} → tick "Prevent self-review". REST: \`${envEndpoint(facts, env)}\` with \`{"prevent_self_review":true}\` (include the current "reviewers" so they are kept).`,
            );
      },
    }),
});
