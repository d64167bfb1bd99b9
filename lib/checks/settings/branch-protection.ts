import type { CheckDefinition } from "../types";
import { api, finding } from "../evidence";
import {
  RULESETS_UI,
  fullProtectionBody,
  newRulesetFix,
  protectionEndpoint,
  pullRequestRule,
} from "../support/branch-fixes";
import { judgeAspects, protectionField } from "../support/branch-view";
import { defineCheck } from "../define";

export const branchProtection: CheckDefinition = defineCheck({
  id: "branch-protection",
  title: "Default branch is protected",
  category: "identity",
  severity: "high",
  from: ["settings"],
  input: "live-settings",
  rationale:
    "Without a protection rule or an active ruleset anyone with write access can push straight to the default branch, bypassing review and CI. Rulesets in evaluate mode do not count: they only report.",
  remediation:
    "Add a branch protection rule or an active branch ruleset targeting the default branch that requires pull requests and blocks force pushes and deletion.",
  run: (facts) =>
    judgeAspects(
      facts,
      [
        {
          metBy: (source) =>
            api(
              source.field,
              source.kind === "protection"
                ? { pattern: source.rule.pattern }
                : { name: source.rule.name, enforcement: "active" },
            ),
          failure: (view) =>
            finding(
              facts.defaultBranch === null
                ? "The repository has no default branch yet (it is empty): no branch protection rule or active ruleset will guard its first push."
                : `The default branch \`${view.branch}\` has no branch protection rule and no active ruleset.`,
              // An empty repository has no branch to name: only the ruleset fix (which targets
              // ~DEFAULT_BRANCH) applies yet.
              api(protectionField(facts), null),
              `${RULESETS_UI}: add "Require a pull request before merging", "Block force pushes" and "Restrict deletions". REST: ${newRulesetFix(
                facts,
                "protect-default-branch",
                [pullRequestRule(1), { type: "non_fast_forward" }, { type: "deletion" }],
              )}${
                facts.defaultBranch === null
                  ? "."
                  : `; or the classic rule: \`PUT ${protectionEndpoint(facts)}\` with \`${fullProtectionBody(1)}\`.`
              }`,
            ),
        },
      ],
      true,
    ),
});
