import type { CheckDefinition } from "../types";
import { api, finding } from "../evidence";
import { judgeAspects, protectionField } from "../support/branch-view";
import { defineCheck } from "../define";
import { reviewRule, reviewFix } from "../support/branch-reviews";

export const requiredReviews: CheckDefinition = defineCheck({
  id: "required-reviews",
  title: "Approving reviews are required on the default branch",
  category: "identity",
  severity: "high",
  from: ["settings"],
  input: "live-settings",
  rationale:
    "Required approvals make every change to the default branch (including workflow files) pass a second person. Repositories the policy marks critical need two. Branch protection and active rulesets are enforced together, so the strongest requirement counts.",
  remediation:
    "Require at least one approving review (two for critical repositories) before merging into the default branch.",
  run: (facts, ctx) => {
    const required = ctx.critical ? 2 : 1;
    const why = ctx.critical
      ? `${required} required: the policy marks this repository critical`
      : `${required} required`;
    return judgeAspects(facts, [
      {
        metBy: (s) =>
          reviewRule(s).count >= required ? api(reviewRule(s).countField, reviewRule(s).count) : null,
        failure: (view) => {
          const strongest = [...view.sources].sort((a, b) => reviewRule(b).count - reviewRule(a).count)[0];
          const have = strongest ? reviewRule(strongest).count : 0;
          return finding(
            `Merging into \`${view.branch}\` requires ${have} approving review${have === 1 ? "" : "s"} (${why}).`,
            strongest ? api(reviewRule(strongest).countField, have) : api(protectionField(facts), null),
            reviewFix(
              facts,
              view,
              `Required approvals: ${required}`,
              { required_approving_review_count: required },
              { required_approving_review_count: required },
              required,
            ),
          );
        },
      },
    ]);
  },
});
