import { describe, expect, it } from "vitest";
import { makeEnvironment, makeFacts } from "../../../testing/facts";
import { defaultPolicy } from "../../policy/default";
import { findingFields, runCheck } from "../test-kit";
import { productionNoReviewers } from "./production-no-reviewers";

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
