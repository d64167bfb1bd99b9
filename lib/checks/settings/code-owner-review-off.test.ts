import { describe, expect, it } from "vitest";
import { makeBranchProtection, makeFacts, makeRuleset } from "../../../testing/facts";
import { findingFields, runCheck } from "../test-kit";
import { codeOwnerReviewOff } from "./code-owner-review-off";

const withRule = (
  overrides: Parameters<typeof makeBranchProtection>[0],
  rulesets = [] as ReturnType<typeof makeRuleset>[],
) => makeFacts({ settings: { branchProtection: makeBranchProtection(overrides), rulesets } });

const prRule = (
  count: number,
  extra: Partial<{
    dismissStaleReviewsOnPush: boolean;
    requireLastPushApproval: boolean;
    requireCodeOwnerReview: boolean;
  }> = {},
) => ({
  pullRequest: {
    requiredApprovingReviewCount: count,
    dismissStaleReviewsOnPush: false,
    requireLastPushApproval: false,
    requireCodeOwnerReview: false,
    ...extra,
  },
});

describe("code-owner-review-off", () => {
  it("passes when code-owner review is required", () => {
    expect(runCheck(codeOwnerReviewOff, makeFacts()).status).toBe("pass");
  });

  it("fails when it is not, with the exact PATCH", () => {
    const outcome = runCheck(codeOwnerReviewOff, withRule({ requireCodeOwnerReviews: false }));
    expect(findingFields(outcome)).toEqual([
      ["branches/main/protection.required_pull_request_reviews.require_code_owner_reviews", false],
    ]);
    expect(outcome.findings[0]?.remediation).toContain('{"require_code_owner_reviews":true}');
  });

  it("passes via a ruleset and is unknown when rules are unreadable", () => {
    const facts = withRule({ requireCodeOwnerReviews: false }, [
      makeRuleset({ rules: prRule(1, { requireCodeOwnerReview: true }) }),
    ]);
    expect(runCheck(codeOwnerReviewOff, facts).status).toBe("pass");
    expect(
      runCheck(codeOwnerReviewOff, makeFacts({ settings: { rulesets: null, branchProtection: null } }))
        .status,
    ).toBe("unknown");
  });
});
