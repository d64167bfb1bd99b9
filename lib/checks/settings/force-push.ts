import type { CheckDefinition } from "../types";
import { api, finding } from "../evidence";
import { BRANCHES_UI, RULESETS_UI, newRulesetFix } from "../support/branch-fixes";
import { failureEvidence, judgeAspects } from "../support/branch-view";
import { defineCheck } from "../define";

export const forcePush: CheckDefinition = defineCheck({
  id: "force-push",
  title: "Force pushes and deletion are blocked on the default branch",
  category: "identity",
  severity: "high",
  from: ["settings"],
  input: "live-settings",
  rationale:
    "A force push rewrites reviewed history and a deletion drops the branch with its protection, so either lets one account replace what was reviewed. Any protection rule or active ruleset that blocks them is enough.",
  remediation:
    "Disable force pushes and deletions on the default branch (ruleset rules non_fast_forward and deletion).",
  run: (facts) =>
    judgeAspects(facts, [
      {
        metBy: (s) =>
          s.kind === "protection"
            ? s.rule.allowForcePushes
              ? null
              : api(`${s.field}.allow_force_pushes.enabled`, false)
            : s.rule.rules.nonFastForward
              ? api(`${s.field}.rules[non_fast_forward]`, true)
              : null,
        failure: (view) =>
          finding(
            `Force pushes to \`${view.branch}\` are allowed.`,
            failureEvidence(facts, view, (s) =>
              s.kind === "protection"
                ? api(`${s.field}.allow_force_pushes.enabled`, true)
                : api(`${s.field}.rules[non_fast_forward]`, false),
            ),
            `${BRANCHES_UI(facts)} → clear "Allow force pushes" (or ${RULESETS_UI} → "Block force pushes"). REST: ${newRulesetFix(facts, "block-force-push", [{ type: "non_fast_forward" }])}.`,
          ),
      },
      {
        metBy: (s) =>
          s.kind === "protection"
            ? s.rule.allowDeletions
              ? null
              : api(`${s.field}.allow_deletions.enabled`, false)
            : s.rule.rules.deletion
              ? api(`${s.field}.rules[deletion]`, true)
              : null,
        failure: (view) =>
          finding(
            `\`${view.branch}\` may be deleted.`,
            failureEvidence(facts, view, (s) =>
              s.kind === "protection"
                ? api(`${s.field}.allow_deletions.enabled`, true)
                : api(`${s.field}.rules[deletion]`, false),
            ),
            `${BRANCHES_UI(facts)} → clear "Allow deletions" (or ${RULESETS_UI} → "Restrict deletions"). REST: ${newRulesetFix(facts, "block-deletion", [{ type: "deletion" }])}.`,
          ),
      },
    ]),
});
