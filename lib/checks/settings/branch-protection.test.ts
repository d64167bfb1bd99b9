import { describe, expect, it } from "vitest";
import { makeFacts, makeRuleset } from "../../../testing/facts";
import { findingFields, runCheck } from "../test-kit";
import { branchProtection } from "./branch-protection";

const unprotected = (extra: Parameters<typeof makeFacts>[0] = {}) =>
  makeFacts({ settings: { branchProtection: null, rulesets: [] }, ...extra });

describe("branch-protection", () => {
  it("passes with a classic protection rule", () => {
    expect(runCheck(branchProtection, makeFacts()).status).toBe("pass");
  });

  it("passes with only an active ruleset on the default branch", () => {
    const outcome = runCheck(
      branchProtection,
      makeFacts({ settings: { branchProtection: null, rulesets: [makeRuleset({ id: 7 })] } }),
    );
    expect(outcome.status).toBe("pass");
    expect(outcome.evidence?.[0]).toMatchObject({ field: "rulesets/7" });
  });

  it("passes on a readable ruleset even when the classic rule is unreadable", () => {
    const facts = makeFacts({
      settings: { branchProtection: null, branchProtectionKnown: false, rulesets: [makeRuleset()] },
    });
    expect(runCheck(branchProtection, facts).status).toBe("pass");
  });

  it("fails with no rule and no active ruleset, naming the API field and the fix", () => {
    const outcome = runCheck(branchProtection, unprotected());
    expect(outcome.status).toBe("fail");
    expect(findingFields(outcome)).toEqual([["branches/main/protection", null]]);
    expect(outcome.findings[0]?.remediation).toContain("POST /repos/acme/api/rulesets");
    expect(outcome.findings[0]?.remediation).toContain("PUT /repos/acme/api/branches/main/protection");
  });

  it("says an empty repository has no default branch yet instead of naming a placeholder", () => {
    const outcome = runCheck(branchProtection, unprotected({ defaultBranch: null }));
    expect(outcome.status).toBe("fail");
    expect(outcome.findings[0]?.message).toMatch(/^The repository has no default branch yet \(it is empty\)/);
    expect(JSON.stringify(outcome.findings)).not.toContain("{default_branch}");
    expect(findingFields(outcome)).toEqual([["default_branch", null]]);
    expect(outcome.findings[0]?.remediation).toContain("~DEFAULT_BRANCH");
  });

  it("does not count evaluate-mode, disabled or other-branch rulesets", () => {
    const rulesets = [
      makeRuleset({ id: 1, enforcement: "evaluate" }),
      makeRuleset({ id: 2, enforcement: "disabled" }),
      makeRuleset({ id: 3, appliesToDefaultBranch: false }),
    ];
    const outcome = runCheck(branchProtection, makeFacts({ settings: { branchProtection: null, rulesets } }));
    expect(outcome.status).toBe("fail");
    expect(outcome.evidence).toContainEqual({
      kind: "api",
      field: "rulesets/1.enforcement",
      value: "evaluate",
    });
  });

  it("is unknown when the classic rule is unreadable and no ruleset protects", () => {
    const outcome = runCheck(
      branchProtection,
      makeFacts({ settings: { branchProtection: null, branchProtectionKnown: false, rulesets: [] } }),
    );
    expect(outcome.status).toBe("unknown");
    expect(outcome.reason).toMatch(/admin rights/);
  });

  it("is unknown when rulesets are unreadable and there is no classic rule", () => {
    expect(
      runCheck(branchProtection, makeFacts({ settings: { branchProtection: null, rulesets: null } })).status,
    ).toBe("unknown");
  });

  it("is unknown without settings and not-applicable on an archived repo", () => {
    expect(runCheck(branchProtection, makeFacts({ settings: null })).status).toBe("unknown");
    expect(runCheck(branchProtection, unprotected({ archived: true })).status).toBe("not-applicable");
  });
});
