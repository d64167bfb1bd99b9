import { describe, expect, it } from "vitest";
import type { RawBranchProtectionRule, RawRuleset } from "@/lib/github/queries/repo-facts-types";
import { normaliseBranchProtection, normaliseRulesets, rulesetTargetsBranch } from "./protection";

const rule: RawBranchProtectionRule = {
  id: "BPR_1",
  pattern: "main",
  requiredApprovingReviewCount: 2,
  requiresApprovingReviews: true,
  dismissesStaleReviews: true,
  requireLastPushApproval: false,
  requiresCodeOwnerReviews: true,
  isAdminEnforced: false,
  allowsForcePushes: false,
  allowsDeletions: true,
  requiresCommitSignatures: false,
  requiresStatusChecks: true,
  requiredStatusCheckContexts: ["ci", null, "lint"],
  bypassPullRequestAllowances: {
    nodes: [
      { actor: { __typename: "User", login: "bob" } },
      { actor: { __typename: "Team", slug: "admins" } },
      null,
    ],
  },
};

const ruleset = (over: Partial<RawRuleset> = {}): RawRuleset => ({
  databaseId: 7,
  name: "protect main",
  enforcement: "ACTIVE",
  target: "BRANCH",
  source: { __typename: "Organization", login: "acme" },
  conditions: { refName: { include: ["~DEFAULT_BRANCH"], exclude: [] } },
  bypassActors: {
    nodes: [
      {
        bypassMode: "PULL_REQUEST",
        organizationAdmin: true,
        deployKey: false,
        repositoryRoleDatabaseId: null,
        actor: null,
      },
      {
        bypassMode: "ALWAYS",
        organizationAdmin: false,
        deployKey: false,
        repositoryRoleDatabaseId: null,
        actor: { __typename: "Team", databaseId: 42 },
      },
    ],
  },
  rules: {
    nodes: [
      {
        type: "PULL_REQUEST",
        parameters: {
          __typename: "PullRequestParameters",
          requiredApprovingReviewCount: 1,
          dismissStaleReviewsOnPush: true,
          requireLastPushApproval: true,
          requireCodeOwnerReview: false,
        },
      },
      { type: "NON_FAST_FORWARD", parameters: null },
      {
        type: "REQUIRED_STATUS_CHECKS",
        parameters: {
          __typename: "RequiredStatusChecksParameters",
          requiredStatusChecks: [{ context: "build" }],
        },
      },
    ],
  },
  ...over,
});

describe("normaliseBranchProtection", () => {
  it("maps GitHub's rule onto the facts", () => {
    expect(normaliseBranchProtection(rule)).toEqual({
      pattern: "main",
      requiredApprovingReviewCount: 2,
      dismissStaleReviews: true,
      requireLastPushApproval: false,
      requireCodeOwnerReviews: true,
      enforceAdmins: false,
      bypassAllowances: ["admins", "bob"],
      allowForcePushes: false,
      allowDeletions: true,
      requireSignedCommits: false,
      requiredStatusChecks: ["ci", "lint"],
    });
  });

  it("reports zero reviews when reviews are not required, whatever the stale count says", () => {
    expect(
      normaliseBranchProtection({ ...rule, requiresApprovingReviews: false })?.requiredApprovingReviewCount,
    ).toBe(0);
    expect(normaliseBranchProtection({ ...rule, requiresStatusChecks: false })?.requiredStatusChecks).toEqual(
      [],
    );
    expect(normaliseBranchProtection(null)).toBeNull();
  });
});

describe("rulesetTargetsBranch", () => {
  it.each([
    [["~DEFAULT_BRANCH"], [], true],
    [["~ALL"], [], true],
    [["refs/heads/main"], [], true],
    [["refs/heads/ma*"], [], true],
    [["refs/heads/release/*"], [], false],
    [["~ALL"], ["refs/heads/main"], false],
    [[], [], false],
  ])("include %j exclude %j → %s", (include, exclude, expected) => {
    expect(rulesetTargetsBranch(include, exclude, "main")).toBe(expected);
  });
});

describe("normaliseRulesets", () => {
  it("maps enforcement, source, bypass actors and rules", () => {
    const [r] = normaliseRulesets([ruleset()], "main", () => {});
    expect(r).toEqual({
      id: 7,
      name: "protect main",
      source: "organization",
      enforcement: "active",
      appliesToDefaultBranch: true,
      bypassActors: [
        { actorType: "OrganizationAdmin", actorId: null, bypassMode: "pull_request" },
        { actorType: "Team", actorId: 42, bypassMode: "always" },
      ],
      rules: {
        pullRequest: {
          requiredApprovingReviewCount: 1,
          dismissStaleReviewsOnPush: true,
          requireLastPushApproval: true,
          requireCodeOwnerReview: false,
        },
        nonFastForward: true,
        deletion: false,
        requiredSignatures: false,
        requiredStatusChecks: ["build"],
      },
    });
  });

  it("does not apply tag rulesets to the default branch, and drops malformed ones with a reason", () => {
    const issues: string[] = [];
    const out = normaliseRulesets(
      [
        ruleset({ target: "TAG" }),
        ruleset({ databaseId: 8, enforcement: "BOGUS" }),
        ruleset({ databaseId: 9, name: "bad\nname" }),
        null,
      ],
      "main",
      (i) => issues.push(i.reason),
    );
    expect(out).toHaveLength(1);
    expect(out[0]?.appliesToDefaultBranch).toBe(false);
    expect(issues).toHaveLength(2);
  });
});
