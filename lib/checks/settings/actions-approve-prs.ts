import type { CheckDefinition } from "../types";
import { defineCheck } from "../define";
import { judgeTokenSetting } from "../support/actions-token";

export const actionsApprovePrs: CheckDefinition = defineCheck({
  id: "actions-approve-prs",
  title: "Workflows cannot approve pull requests",
  category: "identity",
  severity: "high",
  from: ["settings"],
  input: "live-settings",
  rationale:
    "If the GITHUB_TOKEN may approve pull requests, any workflow (or code it runs) can supply the approval that required reviews demand, turning two-person review into one. Fails when the repository or its organisation allows it; not applicable when Actions is disabled.",
  remediation:
    'Untick "Allow GitHub Actions to create and approve pull requests" for the repository and the organisation.',
  run: (facts) =>
    judgeTokenSetting(facts, {
      field: "can_approve_pull_request_reviews",
      read: (a) => a.canApprovePullRequestReviews,
      bad: (v) => v === true,
      safe: false,
      describe: (level) => `The ${level} lets GitHub Actions workflows approve pull requests.`,
      ui: 'Actions → General → Workflow permissions → untick "Allow GitHub Actions to create and approve pull requests"',
    }),
});
