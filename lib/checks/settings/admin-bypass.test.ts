import { describe, expect, it } from "vitest";

import { makeBranchProtection, makeFacts, makeRuleset } from "../../../testing/facts";
import { findingFields, runCheck } from "./__fixtures__/run";
import { adminBypass } from "./admin-bypass";

describe("admin-bypass", () => {
  it("passes when admins are enforced and nobody may bypass", () => {
    expect(runCheck(adminBypass, makeFacts()).status).toBe("pass");
  });

  it("fails when enforce_admins is off", () => {
    const outcome = runCheck(
      adminBypass,
      makeFacts({ settings: { branchProtection: makeBranchProtection({ enforceAdmins: false }) } }),
    );
    expect(findingFields(outcome)).toEqual([["branches/main/protection.enforce_admins.enabled", false]]);
    expect(outcome.findings[0]?.remediation).toContain(
      "POST /repos/acme/api/branches/main/protection/enforce_admins",
    );
  });

  it("fails on pull-request bypass allowances", () => {
    const outcome = runCheck(
      adminBypass,
      makeFacts({
        settings: { branchProtection: makeBranchProtection({ bypassAllowances: ["release-bot"] }) },
      }),
    );
    expect(findingFields(outcome)).toEqual([
      [
        "branches/main/protection.required_pull_request_reviews.bypass_pull_request_allowances",
        ["release-bot"],
      ],
    ]);
  });

  it("fails on ruleset bypass actors in always or exempt mode, not pull_request", () => {
    const ruleset = makeRuleset({
      id: 9,
      bypassActors: [
        { actorType: "RepositoryRole", actorId: 5, bypassMode: "always" },
        { actorType: "Integration", actorId: 77, bypassMode: "exempt" },
        { actorType: "Team", actorId: 3, bypassMode: "pull_request" },
      ],
    });
    const outcome = runCheck(adminBypass, makeFacts({ settings: { rulesets: [ruleset] } }));
    expect(outcome.status).toBe("fail");
    expect(findingFields(outcome)).toEqual([
      [
        "rulesets/9.bypass_actors",
        [
          { actor_type: "RepositoryRole", actor_id: 5, bypass_mode: "always" },
          { actor_type: "Integration", actor_id: 77, bypass_mode: "exempt" },
        ],
      ],
    ]);
    const prOnly = makeRuleset({
      bypassActors: [{ actorType: "Team", actorId: 3, bypassMode: "pull_request" }],
    });
    expect(runCheck(adminBypass, makeFacts({ settings: { rulesets: [prOnly] } })).status).toBe("pass");
  });

  it("ignores bypass lists of rulesets that are not active", () => {
    const ruleset = makeRuleset({
      enforcement: "evaluate",
      bypassActors: [{ actorType: "OrganizationAdmin", actorId: null, bypassMode: "always" }],
    });
    expect(runCheck(adminBypass, makeFacts({ settings: { rulesets: [ruleset] } })).status).toBe("pass");
  });

  it("is not applicable when there are no rules, unknown when some are unreadable", () => {
    expect(
      runCheck(adminBypass, makeFacts({ settings: { branchProtection: null, rulesets: [] } })).status,
    ).toBe("not-applicable");
    expect(runCheck(adminBypass, makeFacts({ settings: { rulesets: null } })).status).toBe("unknown");
    expect(runCheck(adminBypass, makeFacts({ settings: null })).status).toBe("unknown");
  });

  it("still fails on a readable bypass while another source is unreadable", () => {
    const facts = makeFacts({
      settings: {
        branchProtectionKnown: false,
        branchProtection: null,
        rulesets: [makeRuleset({ bypassActors: [{ actorType: "User", actorId: 1, bypassMode: "always" }] })],
      },
    });
    expect(runCheck(adminBypass, facts).status).toBe("fail");
  });
});
