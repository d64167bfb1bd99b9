import type { CheckDefinition } from "../types";
import { api, finding } from "../evidence";
import { judgeAspects, protectionField } from "../support/branch-view";
import { defineCheck } from "../define";
import { reviewRule, reviewFix } from "../support/branch-reviews";

export const codeOwnerReviewOff: CheckDefinition = defineCheck({
  id: "code-owner-review-off",
  title: "Code-owner review is required on the default branch",
  category: "change-control",
  severity: "medium",
  from: ["settings"],
  input: "live-settings",
  rationale:
    "CODEOWNERS only routes review requests unless code-owner review is required; with it, changes to owned paths such as .github/workflows/ cannot merge without their owners' approval.",
  remediation: 'Enable "Require review from Code Owners" on the default branch.',
  run: (facts) =>
    judgeAspects(facts, [
      {
        metBy: (s) =>
          reviewRule(s).codeOwners
            ? api(
                `${reviewRule(s).base}.require_code_owner_review${s.kind === "protection" ? "s" : ""}`,
                true,
              )
            : null,
        failure: (view) => {
          const first = view.sources[0];
          return finding(
            `Code-owner review is not required on \`${view.branch}\`.`,
            first
              ? api(
                  `${reviewRule(first).base}.require_code_owner_review${first.kind === "protection" ? "s" : ""}`,
                  false,
                )
              : api(protectionField(facts), null),
            reviewFix(
              facts,
              view,
              'tick "Require review from Code Owners"',
              { require_code_owner_reviews: true },
              { require_code_owner_review: true },
              1,
            ),
          );
        },
      },
    ]),
});
