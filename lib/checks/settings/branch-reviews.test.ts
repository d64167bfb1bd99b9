import { describe, expect, it } from "vitest";

import { makeBranchProtection, makeFacts, makeRuleset } from "../../../testing/facts";
import { findingFields, runCheck } from "./__fixtures__/run";
import { codeOwnerReviewOff, requiredReviews, staleApprovals } from "./branch-reviews";

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

describe("required-reviews", () => {
  it("passes with one approval on a normal repository", () => {
    const outcome = runCheck(requiredReviews, withRule({ requiredApprovingReviewCount: 1 }));
    expect(outcome.status).toBe("pass");
    expect(outcome.evidence).toEqual([
      {
        kind: "api",
        field: "branches/main/protection.required_pull_request_reviews.required_approving_review_count",
        value: 1,
      },
    ]);
  });

  it("fails with one approval on a critical repository", () => {
    const outcome = runCheck(requiredReviews, withRule({ requiredApprovingReviewCount: 1 }), {
      critical: true,
    });
    expect(outcome.status).toBe("fail");
    expect(outcome.findings[0]?.message).toMatch(
      /requires 1 approving review \(2 required: the policy marks this repository critical\)/,
    );
    expect(outcome.findings[0]?.remediation).toContain(
      "PATCH /repos/acme/api/branches/main/protection/required_pull_request_reviews",
    );
    expect(outcome.findings[0]?.remediation).toContain('{"required_approving_review_count":2}');
  });

  it("fails with zero approvals", () => {
    const outcome = runCheck(requiredReviews, withRule({ requiredApprovingReviewCount: 0 }));
    expect(findingFields(outcome)).toEqual([
      ["branches/main/protection.required_pull_request_reviews.required_approving_review_count", 0],
    ]);
    expect(outcome.findings[0]?.remediation).toContain("POST /repos/acme/api/rulesets");
  });

  it("takes the strongest of the classic rule and the rulesets", () => {
    const facts = withRule({ requiredApprovingReviewCount: 1 }, [makeRuleset({ id: 4, rules: prRule(2) })]);
    const outcome = runCheck(requiredReviews, facts, { critical: true });
    expect(outcome.status).toBe("pass");
    expect(outcome.evidence?.[0]).toMatchObject({
      field: "rulesets/4.rules[pull_request].parameters.required_approving_review_count",
      value: 2,
    });
  });

  it("reports the strongest source and points at the ruleset when it holds the PR rule", () => {
    const facts = makeFacts({
      settings: {
        branchProtection: null,
        rulesets: [makeRuleset({ id: 4, name: "main", source: "organization", rules: prRule(1) })],
      },
    });
    const outcome = runCheck(requiredReviews, facts, { critical: true });
    expect(findingFields(outcome)).toEqual([
      ["orgs/acme/rulesets/4.rules[pull_request].parameters.required_approving_review_count", 1],
    ]);
    expect(outcome.findings[0]?.remediation).toContain("PUT /orgs/acme/rulesets/4");
  });

  it("fails without any protection", () => {
    expect(
      findingFields(runCheck(requiredReviews, makeFacts({ settings: { branchProtection: null } }))),
    ).toEqual([["branches/main/protection", null]]);
  });

  it("is unknown when too few approvals are readable but a source is not", () => {
    const facts = makeFacts({
      settings: {
        branchProtection: null,
        branchProtectionKnown: false,
        rulesets: [makeRuleset({ rules: prRule(0) })],
      },
    });
    expect(runCheck(requiredReviews, facts).status).toBe("unknown");
    expect(runCheck(requiredReviews, makeFacts({ settings: null })).status).toBe("unknown");
  });
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
