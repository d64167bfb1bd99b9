import { describe, expect, it } from "vitest";
import { makeBranchProtection, makeFacts, makeRuleset } from "../../../testing/facts";
import { findingFields, runCheck } from "../test-kit";
import { staleApprovals } from "./stale-approvals";

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

describe("stale-approvals", () => {
  it("passes with dismiss-stale or last-push approval", () => {
    expect(runCheck(staleApprovals, withRule({ requireLastPushApproval: false })).status).toBe("pass");
    const lastPushOnly = runCheck(
      staleApprovals,
      withRule({ dismissStaleReviews: false, requireLastPushApproval: true }),
    );
    expect(lastPushOnly.evidence?.[0]).toMatchObject({
      field: "branches/main/protection.required_pull_request_reviews.require_last_push_approval",
    });
  });

  it("fails when approvals survive new commits", () => {
    const outcome = runCheck(
      staleApprovals,
      withRule({ dismissStaleReviews: false, requireLastPushApproval: false }),
    );
    expect(outcome.status).toBe("fail");
    expect(findingFields(outcome)).toEqual([
      ["branches/main/protection.required_pull_request_reviews.dismiss_stale_reviews", false],
    ]);
  });

  it("passes via a ruleset that requires reviews and dismisses stale ones", () => {
    const facts = withRule({ dismissStaleReviews: false, requireLastPushApproval: false }, [
      makeRuleset({ rules: prRule(1, { dismissStaleReviewsOnPush: true }) }),
    ]);
    expect(runCheck(staleApprovals, facts).status).toBe("pass");
  });

  it("ignores dismiss-stale on a rule that requires no approvals", () => {
    const facts = withRule({ requiredApprovingReviewCount: 0, dismissStaleReviews: true }, [
      makeRuleset({ rules: prRule(1) }),
    ]);
    expect(runCheck(staleApprovals, facts).status).toBe("fail");
  });

  it("is not applicable when no approval is required, unknown when unreadable", () => {
    expect(runCheck(staleApprovals, withRule({ requiredApprovingReviewCount: 0 })).status).toBe(
      "not-applicable",
    );
    expect(
      runCheck(
        staleApprovals,
        makeFacts({ settings: { branchProtectionKnown: false, branchProtection: null } }),
      ).status,
    ).toBe("unknown");
  });
});
