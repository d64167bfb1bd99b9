import { describe, expect, it } from "vitest";

import { makeEnvironment, makeFacts } from "../../../testing/facts";
import { defaultPolicy } from "../../policy/default";
import { findingFields, runCheck } from "./__fixtures__/run";
import {
  adminsBypassEnvironment,
  productionAnyBranch,
  productionNoReviewers,
  productionSelfReview,
} from "./environments";

const envs = (...environments: ReturnType<typeof makeEnvironment>[]) =>
  makeFacts({ settings: { environments } });

describe("production-no-reviewers", () => {
  it("passes when every production environment has reviewers", () => {
    expect(
      runCheck(productionNoReviewers, envs(makeEnvironment(), makeEnvironment({ name: "prod-eu" }))).status,
    ).toBe("pass");
  });

  it("fails per production environment without reviewers, ignoring non-production ones", () => {
    const outcome = runCheck(
      productionNoReviewers,
      envs(
        makeEnvironment({ name: "Production", requiredReviewers: [] }),
        makeEnvironment({ name: "staging", requiredReviewers: [] }),
      ),
    );
    expect(findingFields(outcome)).toEqual([
      ["environments/Production.protection_rules[required_reviewers]", null],
    ]);
    expect(outcome.findings[0]?.remediation).toContain("PUT /repos/acme/api/environments/Production");
  });

  it("treats an environment a lead marked as production", () => {
    const policy = { ...defaultPolicy, productionEnvironments: ["acme/api:deploy"] };
    const outcome = runCheck(
      productionNoReviewers,
      envs(makeEnvironment({ name: "deploy", requiredReviewers: [] })),
      { policy },
    );
    expect(outcome.status).toBe("fail");
  });

  it("is not applicable without production environments, unknown when unreadable", () => {
    expect(
      runCheck(productionNoReviewers, envs(makeEnvironment({ name: "staging", requiredReviewers: [] })))
        .status,
    ).toBe("not-applicable");
    expect(runCheck(productionNoReviewers, envs()).status).toBe("not-applicable");
    expect(runCheck(productionNoReviewers, makeFacts({ settings: { environments: null } })).status).toBe(
      "unknown",
    );
    expect(runCheck(productionNoReviewers, makeFacts({ settings: null })).status).toBe("unknown");
  });
});

describe("production-self-review", () => {
  it("passes when self-review is prevented", () => {
    expect(runCheck(productionSelfReview, envs(makeEnvironment())).status).toBe("pass");
  });

  it("fails when reviewers may approve their own run", () => {
    const outcome = runCheck(productionSelfReview, envs(makeEnvironment({ preventSelfReview: false })));
    expect(findingFields(outcome)).toEqual([
      ["environments/production.protection_rules[required_reviewers].prevent_self_review", false],
    ]);
    expect(outcome.findings[0]?.remediation).toContain('{"prevent_self_review":true}');
  });

  it("is not applicable when no production environment has reviewers", () => {
    expect(
      runCheck(
        productionSelfReview,
        envs(makeEnvironment({ requiredReviewers: [], preventSelfReview: false })),
      ).status,
    ).toBe("not-applicable");
  });
});

describe("production-any-branch", () => {
  it("passes with protected branches or a named branch policy", () => {
    expect(runCheck(productionAnyBranch, envs(makeEnvironment())).status).toBe("pass");
    const custom = makeEnvironment({
      deploymentBranchPolicy: { protectedBranches: false, customBranchPolicies: true },
      branchPolicies: ["release/*"],
    });
    expect(runCheck(productionAnyBranch, envs(custom)).status).toBe("pass");
  });

  it("fails without a deployment branch policy", () => {
    const outcome = runCheck(productionAnyBranch, envs(makeEnvironment({ deploymentBranchPolicy: null })));
    expect(findingFields(outcome)).toEqual([["environments/production.deployment_branch_policy", null]]);
    expect(outcome.findings[0]?.remediation).toContain(
      '{"deployment_branch_policy":{"protected_branches":true,"custom_branch_policies":false}}',
    );
  });

  it("fails on a wildcard custom policy", () => {
    const wildcard = makeEnvironment({
      deploymentBranchPolicy: { protectedBranches: false, customBranchPolicies: true },
      branchPolicies: ["main", "*"],
    });
    expect(runCheck(productionAnyBranch, envs(wildcard)).status).toBe("fail");
  });

  it("is not applicable on archived repositories", () => {
    expect(
      runCheck(
        productionAnyBranch,
        makeFacts({
          archived: true,
          settings: { environments: [makeEnvironment({ deploymentBranchPolicy: null })] },
        }),
      ).status,
    ).toBe("not-applicable");
  });
});

describe("admins-bypass-environment", () => {
  it("passes when admins cannot bypass", () => {
    expect(runCheck(adminsBypassEnvironment, envs(makeEnvironment())).evidence).toEqual([
      { kind: "api", field: "environments/production.can_admins_bypass", value: false },
    ]);
  });

  it("fails when admins can bypass", () => {
    const outcome = runCheck(
      adminsBypassEnvironment,
      envs(makeEnvironment({ name: "live", canAdminsBypass: true })),
    );
    expect(findingFields(outcome)).toEqual([["environments/live.can_admins_bypass", true]]);
  });

  it("is unknown when environments are unreadable", () => {
    expect(runCheck(adminsBypassEnvironment, makeFacts({ settings: { environments: null } })).status).toBe(
      "unknown",
    );
  });
});
