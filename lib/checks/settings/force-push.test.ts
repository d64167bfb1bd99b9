import { describe, expect, it } from "vitest";
import { makeBranchProtection, makeFacts, makeRuleset } from "../../../testing/facts";
import { findingFields, runCheck } from "../test-kit";
import { forcePush } from "./force-push";

const unprotected = (extra: Parameters<typeof makeFacts>[0] = {}) =>
  makeFacts({ settings: { branchProtection: null, rulesets: [] }, ...extra });

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
