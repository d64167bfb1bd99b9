import { describe, expect, it } from "vitest";
import { makeBranchProtection, makeFacts, makeRuleset } from "../../../testing/facts";
import { runCheck } from "../test-kit";
import { statusChecksMissing } from "./status-checks-missing";

describe("status-checks-missing", () => {
  it("passes with required checks", () => {
    expect(runCheck(statusChecksMissing, makeFacts()).evidence).toEqual([
      { kind: "api", field: "branches/main/protection.required_status_checks.checks", value: ["ci/test"] },
    ]);
  });

  it("fails when none are required anywhere", () => {
    const facts = makeFacts({
      settings: {
        branchProtection: makeBranchProtection({ requiredStatusChecks: [] }),
        rulesets: [makeRuleset()],
      },
    });
    const outcome = runCheck(statusChecksMissing, facts);
    expect(outcome.status).toBe("fail");
    expect(outcome.findings[0]?.remediation).toContain('"type":"required_status_checks"');
  });

  it("passes on ruleset status checks and is unknown without settings", () => {
    const facts = makeFacts({
      settings: {
        branchProtection: null,
        rulesets: [makeRuleset({ rules: { requiredStatusChecks: ["build"] } })],
      },
    });
    expect(runCheck(statusChecksMissing, facts).status).toBe("pass");
    expect(runCheck(statusChecksMissing, makeFacts({ settings: null })).status).toBe("unknown");
  });
});
