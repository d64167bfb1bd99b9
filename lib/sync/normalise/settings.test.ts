import { describe, expect, it } from "vitest";
import {
  normaliseActionsSettings,
  normaliseDeployKeys,
  normaliseEnvironments,
  normaliseSecretList,
  normaliseSecurity,
} from "./settings";

const noop = () => {};

describe("settings normalisers", () => {
  it("combines the Actions permission answers", () => {
    const facts = normaliseActionsSettings(
      { enabled: true, allowed_actions: "selected" },
      { github_owned_allowed: true, verified_allowed: false, patterns_allowed: ["b/*", "a/*"] },
      { default_workflow_permissions: "write", can_approve_pull_request_reviews: true },
      noop,
    );
    expect(facts).toEqual({
      enabled: true,
      allowedActions: "selected",
      selected: { githubOwnedAllowed: true, verifiedAllowed: false, patternsAllowed: ["a/*", "b/*"] },
      defaultWorkflowPermissions: "write",
      canApprovePullRequestReviews: true,
    });
    expect(normaliseActionsSettings(null, null, null, noop)).toBeNull();
  });

  it("turns a malformed answer into unknown with a recorded reason", () => {
    const reasons: string[] = [];
    const facts = normaliseActionsSettings({ enabled: "yes", allowed_actions: 3 }, null, null, (i) =>
      reasons.push(i.reason),
    );
    expect(facts).toBeNull();
    expect(reasons[0]).toMatch(/unexpected shape/);
  });

  it("reads security features only when GitHub returned them", () => {
    expect(
      normaliseSecurity(
        {
          security_and_analysis: {
            secret_scanning: { status: "enabled" },
            secret_scanning_push_protection: { status: "disabled" },
          },
        },
        true,
        noop,
      ),
    ).toEqual({ secretScanning: true, secretScanningPushProtection: false, dependabotAlerts: true });
    expect(normaliseSecurity({ name: "x" }, null, noop)).toBeNull();
    expect(normaliseSecurity({}, false, noop)).toEqual({
      secretScanning: null,
      secretScanningPushProtection: null,
      dependabotAlerts: false,
    });
  });

  it("keeps secret names only, never values, and rejects hostile names", () => {
    const raw = {
      total_count: 3,
      secrets: [
        { name: "AWS_KEY", updated_at: "2024-01-01T00:00:00Z", value: "leak" },
        { name: "bad\nname" },
        { name: "__proto__", updated_at: null },
      ],
    };
    const reasons: string[] = [];
    const out = normaliseSecretList(raw, "repository", (i) => reasons.push(i.reason));
    expect(out).toEqual([
      { name: "AWS_KEY", scope: "repository", updatedAt: "2024-01-01T00:00:00Z" },
      { name: "__proto__", scope: "repository", updatedAt: null },
    ]);
    expect(JSON.stringify(out)).not.toContain("leak");
    expect(reasons).toEqual(["name contains control characters"]);
  });

  it("maps environments with reviewers, wait timer and branch policies", () => {
    const raw = {
      environments: [
        {
          name: "production",
          can_admins_bypass: false,
          deployment_branch_policy: { protected_branches: false, custom_branch_policies: true },
          protection_rules: [
            {
              type: "required_reviewers",
              prevent_self_review: true,
              reviewers: [
                { type: "Team", reviewer: { slug: "sre" } },
                { type: "User", reviewer: { login: "ann" } },
              ],
            },
            { type: "wait_timer", wait_timer: 5 },
          ],
        },
        { name: "dev", protection_rules: [], deployment_branch_policy: null },
      ],
    };
    const out = normaliseEnvironments(
      raw,
      {
        branchPolicies: new Map([["production", ["main"]]]),
        secretNames: new Map([["production", ["DEPLOY_KEY"]]]),
      },
      noop,
    );
    expect(out).toEqual([
      {
        name: "dev",
        requiredReviewers: [],
        preventSelfReview: false,
        canAdminsBypass: true,
        waitTimerMinutes: 0,
        deploymentBranchPolicy: null,
        branchPolicies: [],
        secretNames: [],
      },
      {
        name: "production",
        requiredReviewers: [
          { type: "Team", login: "sre" },
          { type: "User", login: "ann" },
        ],
        preventSelfReview: true,
        canAdminsBypass: false,
        waitTimerMinutes: 5,
        deploymentBranchPolicy: { protectedBranches: false, customBranchPolicies: true },
        branchPolicies: ["main"],
        secretNames: ["DEPLOY_KEY"],
      },
    ]);
  });

  it("maps deploy keys and rejects non-array answers", () => {
    expect(normaliseDeployKeys([{ id: 2, title: "ci", read_only: false, key: "ssh-rsa AAA" }], noop)).toEqual(
      [{ id: 2, title: "ci", readOnly: false }],
    );
    expect(normaliseDeployKeys({ message: "Not Found" }, noop)).toBeNull();
  });
});
