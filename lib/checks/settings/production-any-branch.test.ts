import { describe, expect, it } from "vitest";
import { makeEnvironment, makeFacts } from "../../../testing/facts";
import { findingFields, runCheck } from "../test-kit";
import { productionAnyBranch } from "./production-any-branch";

const envs = (...environments: ReturnType<typeof makeEnvironment>[]) =>
  makeFacts({ settings: { environments } });

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
