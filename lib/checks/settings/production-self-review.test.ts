import { describe, expect, it } from "vitest";
import { makeEnvironment, makeFacts } from "../../../testing/facts";
import { findingFields, runCheck } from "../test-kit";
import { productionSelfReview } from "./production-self-review";

const envs = (...environments: ReturnType<typeof makeEnvironment>[]) =>
  makeFacts({ settings: { environments } });

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
