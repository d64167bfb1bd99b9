import type { CheckDefinition } from "../types";
import { NO_SETTINGS } from "../support/settings";
import { api, finding } from "../evidence";
import { fail, notApplicable, pass, unknown, defineCheck } from "../define";
import { type BranchSource, branchView } from "../support/branch-view";
import { reviewRule, reviewFix } from "../support/branch-reviews";

export const staleApprovals: CheckDefinition = defineCheck({
  id: "stale-approvals",
  title: "Approvals are dismissed when new commits are pushed",
  category: "identity",
  severity: "low",
  from: ["settings"],
  input: "live-settings",
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
