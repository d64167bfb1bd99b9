import type { RepoFacts } from "../../facts/types";
import type { CheckDefinition } from "../types";
import { NO_SETTINGS, api, fail, finding, notApplicable, pass, settingsCheck, unknown } from "./define";
import { BRANCHES_UI, RULESETS_UI, newRulesetFix, protectionEndpoint, pullRequestRule } from "./branch-fixes";
import type { BranchSource, BranchView } from "./branch-view";
import { branchView, judgeAspects, protectionField, rulesetEndpoint } from "./branch-view";

/** Approvals a source demands, the API field that says so, and the PR rule's other flags. */
function reviewRule(source: BranchSource) {
  if (source.kind === "protection") {
    const r = source.rule;
    const base = `${source.field}.required_pull_request_reviews`;
    return {
      count: r.requiredApprovingReviewCount,
      dismissStale: r.dismissStaleReviews,
      lastPush: r.requireLastPushApproval,
      codeOwners: r.requireCodeOwnerReviews,
      base,
      countField: `${base}.required_approving_review_count`,
    };
  }
  const pr = source.rule.rules.pullRequest;
  const base = `${source.field}.rules[pull_request].parameters`;
  return {
    count: pr?.requiredApprovingReviewCount ?? 0,
    dismissStale: pr?.dismissStaleReviewsOnPush ?? false,
    lastPush: pr?.requireLastPushApproval ?? false,
    codeOwners: pr?.requireCodeOwnerReview ?? false,
    base,
    countField: pr ? `${base}.required_approving_review_count` : `${source.field}.rules[pull_request]`,
  };
}

/** Where to raise a review setting: the source that already requires reviews, or a new ruleset. */
function reviewFix(
  facts: RepoFacts,
  view: BranchView,
  setting: string,
  protectionBody: object,
  rulesetParams: Record<string, unknown>,
  approvals: number,
): string {
  const withReviews = view.sources.find(
    (s) => reviewRule(s).count > 0 || (s.kind === "ruleset" && s.rule.rules.pullRequest),
  );
  if (withReviews?.kind === "protection") {
    return `${BRANCHES_UI(facts)} → ${setting}. REST: \`PATCH ${protectionEndpoint(facts, "/required_pull_request_reviews")}\` with \`${JSON.stringify(protectionBody)}\`.`;
  }
  if (withReviews?.kind === "ruleset") {
    return `Settings → Rules → Rulesets → "${withReviews.rule.name}" → ${setting}. REST: \`${rulesetEndpoint(facts, withReviews.rule)}\` with its \`rules\` array, setting the \`pull_request\` rule's parameters ${JSON.stringify(rulesetParams)}.`;
  }
  return `${RULESETS_UI} → "Require a pull request before merging" → ${setting}. REST: ${newRulesetFix(facts, "require-review", [pullRequestRule(approvals, rulesetParams)])}.`;
}

export const requiredReviews: CheckDefinition = settingsCheck({
  id: "required-reviews",
  title: "Approving reviews are required on the default branch",
  category: "identity",
  severity: "high",
  from: ["settings"],
  archived: "skip",
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

export const staleApprovals: CheckDefinition = settingsCheck({
  id: "stale-approvals",
  title: "Approvals are dismissed when new commits are pushed",
  category: "identity",
  severity: "low",
  from: ["settings"],
  archived: "skip",
  rationale:
    "If an approval survives later pushes, an author can get a harmless change approved and then push something else before merging. Not applicable when no approval is required at all (required-reviews reports that).",
  remediation:
    'Enable "Dismiss stale pull request approvals when new commits are pushed" or "Require approval of the most recent reviewable push".',
  run: (facts) => {
    const view = branchView(facts);
    if (!view) return unknown(NO_SETTINGS);
    const requiring = view.sources.filter((s) => reviewRule(s).count > 0);
    const good = requiring.find((s) => reviewRule(s).dismissStale || reviewRule(s).lastPush);
    if (good) {
      const rule = reviewRule(good);
      return pass([
        rule.dismissStale
          ? api(
              `${rule.base}.${good.kind === "protection" ? "dismiss_stale_reviews" : "dismiss_stale_reviews_on_push"}`,
              true,
            )
          : api(`${rule.base}.require_last_push_approval`, true),
      ]);
    }
    if (!view.complete)
      return unknown(
        `No readable rule on \`${view.branch}\` dismisses stale approvals, and ${view.gaps.join("; ")}.`,
        view.seen,
      );
    if (requiring.length === 0)
      return notApplicable(
        `No approving review is required on \`${view.branch}\`, so there is no approval to go stale.`,
        view.seen,
      );
    const first = requiring[0] as BranchSource;
    const field = first.kind === "protection" ? "dismiss_stale_reviews" : "dismiss_stale_reviews_on_push";
    return fail([
      finding(
        `Approvals on pull requests into \`${view.branch}\` survive new commits.`,
        api(`${reviewRule(first).base}.${field}`, false),
        reviewFix(
          facts,
          view,
          'tick "Dismiss stale pull request approvals when new commits are pushed"',
          { dismiss_stale_reviews: true, require_last_push_approval: true },
          { dismiss_stale_reviews_on_push: true, require_last_push_approval: true },
          1,
        ),
      ),
    ]);
  },
});

export const codeOwnerReviewOff: CheckDefinition = settingsCheck({
  id: "code-owner-review-off",
  title: "Code-owner review is required on the default branch",
  category: "change-control",
  severity: "medium",
  from: ["settings"],
  archived: "skip",
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
