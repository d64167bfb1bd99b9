import type { CheckDefinition } from "../types";
import { api, finding, settingsCheck } from "./define";
import {
  BRANCHES_UI,
  RULESETS_UI,
  fullProtectionBody,
  newRulesetFix,
  protectionEndpoint,
  pullRequestRule,
} from "./branch-fixes";
import { failureEvidence, judgeAspects, protectionField } from "./branch-view";

export const branchProtection: CheckDefinition = settingsCheck({
  id: "branch-protection",
  title: "Default branch is protected",
  category: "identity",
  severity: "high",
  from: ["settings"],
  archived: "skip",
  rationale:
    "Without a protection rule or an active ruleset anyone with write access can push straight to the default branch, bypassing review and CI. Rulesets in evaluate mode do not count: they only report.",
  remediation:
    "Add a branch protection rule or an active branch ruleset targeting the default branch that requires pull requests and blocks force pushes and deletion.",
  run: (facts) =>
    judgeAspects(facts, [
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
            api(protectionField(facts), null),
            `${RULESETS_UI}: add "Require a pull request before merging", "Block force pushes" and "Restrict deletions". REST: ${newRulesetFix(
              facts,
              "protect-default-branch",
              [pullRequestRule(1), { type: "non_fast_forward" }, { type: "deletion" }],
            )}; or the classic rule: \`PUT ${protectionEndpoint(facts)}\` with \`${fullProtectionBody(1)}\`.`,
          ),
      },
    ]),
});

export const forcePush: CheckDefinition = settingsCheck({
  id: "force-push",
  title: "Force pushes and deletion are blocked on the default branch",
  category: "identity",
  severity: "high",
  from: ["settings"],
  archived: "skip",
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

export const signedCommits: CheckDefinition = settingsCheck({
  id: "signed-commits",
  title: "Signed commits are required on the default branch",
  category: "identity",
  severity: "low",
  from: ["settings"],
  archived: "skip",
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

export const statusChecksMissing: CheckDefinition = settingsCheck({
  id: "status-checks-missing",
  title: "Status checks are required before merging",
  category: "change-control",
  severity: "medium",
  from: ["settings"],
  archived: "skip",
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
