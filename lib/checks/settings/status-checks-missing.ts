import type { CheckDefinition } from "../types";
import { api, finding } from "../evidence";
import { BRANCHES_UI, RULESETS_UI, newRulesetFix } from "../support/branch-fixes";
import { failureEvidence, judgeAspects } from "../support/branch-view";
import { defineCheck } from "../define";

export const statusChecksMissing: CheckDefinition = defineCheck({
  id: "status-checks-missing",
  title: "Status checks are required before merging",
  category: "change-control",
  severity: "medium",
  from: ["settings"],
  input: "live-settings",
  rationale:
    "Unless named status checks are required, a pull request can merge while CI (tests, scanners, policy gates) is failing or has not run, so the pipeline's gates are advisory.",
  remediation: "Require the CI status checks that gate merges on the default branch.",
  run: (facts) =>
    judgeAspects(facts, [
      {
        metBy: (s) => {
          const checks =
            s.kind === "protection" ? s.rule.requiredStatusChecks : s.rule.rules.requiredStatusChecks;
          if (checks.length === 0) return null;
          return api(
            s.kind === "protection"
              ? `${s.field}.required_status_checks.checks`
              : `${s.field}.rules[required_status_checks]`,
            checks,
          );
        },
        failure: (view) =>
          finding(
            `No status checks are required before merging into \`${view.branch}\`.`,
            failureEvidence(facts, view, (s) =>
              s.kind === "protection"
                ? api(`${s.field}.required_status_checks`, null)
                : api(`${s.field}.rules[required_status_checks]`, []),
            ),
            `${RULESETS_UI} → "Require status checks to pass" and add your CI job names (or ${BRANCHES_UI(facts)} → "Require status checks to pass before merging"). REST: ${newRulesetFix(
              facts,
              "require-ci",
              [
                {
                  type: "required_status_checks",
                  parameters: {
                    strict_required_status_checks_policy: true,
                    required_status_checks: [{ context: "<CI job name>" }],
                  },
                },
              ],
            )}.`,
          ),
      },
    ]),
});
