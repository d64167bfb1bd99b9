import { describe, expect, it } from "vitest";

import { makeBranchProtection, makeFacts, makeRuleset } from "../../../testing/facts";
import { findingFields, runCheck } from "./__fixtures__/run";
import { branchProtection, forcePush, signedCommits, statusChecksMissing } from "./branch-protection";

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
    expect(outcome.findings[0]?.message).not.toContain("{default_branch}");
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

describe("force-push", () => {
  it("passes when the classic rule blocks both", () => {
    expect(runCheck(forcePush, makeFacts()).status).toBe("pass");
  });

  it("fails on each allowed operation separately", () => {
    const facts = makeFacts({
      settings: { branchProtection: makeBranchProtection({ allowForcePushes: true, allowDeletions: true }) },
    });
    const outcome = runCheck(forcePush, facts);
    expect(outcome.status).toBe("fail");
    expect(findingFields(outcome)).toEqual([
      ["branches/main/protection.allow_force_pushes.enabled", true],
      ["branches/main/protection.allow_deletions.enabled", true],
    ]);
  });

  it("passes when a ruleset blocks what the classic rule allows", () => {
    const facts = makeFacts({
      settings: {
        branchProtection: makeBranchProtection({ allowForcePushes: true, allowDeletions: true }),
        rulesets: [makeRuleset({ rules: { nonFastForward: true, deletion: true } })],
      },
    });
    expect(runCheck(forcePush, facts).status).toBe("pass");
  });

  it("fails without any protection", () => {
    expect(runCheck(forcePush, unprotected()).findings).toHaveLength(2);
  });

  it("is unknown when the allowed operation might be blocked by an unreadable rule", () => {
    const facts = makeFacts({
      settings: {
        branchProtection: null,
        branchProtectionKnown: false,
        rulesets: [makeRuleset({ rules: { nonFastForward: true } })],
      },
    });
    expect(runCheck(forcePush, facts).status).toBe("unknown");
  });
});

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
