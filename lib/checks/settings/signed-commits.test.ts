import { describe, expect, it } from "vitest";
import { makeBranchProtection, makeFacts, makeRuleset } from "../../../testing/facts";
import { findingFields, runCheck } from "../test-kit";
import { signedCommits } from "./signed-commits";

describe("signed-commits", () => {
  it("passes when required by the rule or a ruleset", () => {
    expect(runCheck(signedCommits, makeFacts()).status).toBe("pass");
    const viaRuleset = makeFacts({
      settings: { branchProtection: null, rulesets: [makeRuleset({ rules: { requiredSignatures: true } })] },
    });
    expect(runCheck(signedCommits, viaRuleset).status).toBe("pass");
  });

  it("fails when not required, pointing at the required_signatures endpoint", () => {
    const outcome = runCheck(
      signedCommits,
      makeFacts({ settings: { branchProtection: makeBranchProtection({ requireSignedCommits: false }) } }),
    );
    expect(outcome.status).toBe("fail");
    expect(findingFields(outcome)).toEqual([["branches/main/protection.required_signatures.enabled", false]]);
    expect(outcome.findings[0]?.remediation).toContain(
      "POST /repos/acme/api/branches/main/protection/required_signatures",
    );
  });

  it("suggests a ruleset rule when only rulesets exist", () => {
    const outcome = runCheck(
      signedCommits,
      makeFacts({ settings: { branchProtection: null, rulesets: [makeRuleset()] } }),
    );
    expect(outcome.findings[0]?.remediation).toContain('"type":"required_signatures"');
  });

  it("is unknown when unreadable", () => {
    expect(
      runCheck(
        signedCommits,
        makeFacts({ settings: { branchProtectionKnown: false, branchProtection: null } }),
      ).status,
    ).toBe("unknown");
  });
});
