import type { CheckDefinition } from "../types";
import { api, finding } from "../evidence";
import { BRANCHES_UI, RULESETS_UI, newRulesetFix, protectionEndpoint } from "../support/branch-fixes";
import { failureEvidence, judgeAspects } from "../support/branch-view";
import { defineCheck } from "../define";

export const signedCommits: CheckDefinition = defineCheck({
  id: "signed-commits",
  title: "Signed commits are required on the default branch",
  category: "identity",
  severity: "low",
  from: ["settings"],
  input: "live-settings",
  rationale:
    "Commit author fields are free text; requiring verified signatures ties each commit on the default branch to a key GitHub has verified for the account.",
  remediation: "Require signed commits on the default branch.",
  run: (facts) =>
    judgeAspects(facts, [
      {
        metBy: (s) =>
          s.kind === "protection"
            ? s.rule.requireSignedCommits
              ? api(`${s.field}.required_signatures.enabled`, true)
              : null
            : s.rule.rules.requiredSignatures
              ? api(`${s.field}.rules[required_signatures]`, true)
              : null,
        failure: (view) =>
          finding(
            `Signed commits are not required on \`${view.branch}\`.`,
            failureEvidence(facts, view, (s) =>
              s.kind === "protection"
                ? api(`${s.field}.required_signatures.enabled`, false)
                : api(`${s.field}.rules[required_signatures]`, false),
            ),
            view.sources.some((s) => s.kind === "protection")
              ? `${BRANCHES_UI(facts)} → tick "Require signed commits". REST: \`POST ${protectionEndpoint(facts, "/required_signatures")}\` (no body).`
              : `${RULESETS_UI} → "Require signed commits". REST: ${newRulesetFix(facts, "require-signatures", [{ type: "required_signatures" }])}.`,
          ),
      },
    ]),
});
