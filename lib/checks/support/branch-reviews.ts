import type { RepoFacts } from "../../facts/types";
import { BRANCHES_UI, RULESETS_UI, newRulesetFix, protectionEndpoint, pullRequestRule } from "./branch-fixes";
import { type BranchSource, type BranchView, rulesetEndpoint } from "./branch-view";

/** Approvals a source demands, the API field that says so, and the PR rule's other flags. */
export function reviewRule(source: BranchSource) {
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
export function reviewFix(
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
