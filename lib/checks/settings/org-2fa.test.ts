import { describe, expect, it } from "vitest";
import { makeFacts } from "../../../testing/facts";
import { findingFields, runCheck } from "../test-kit";
import { org2fa } from "./org-2fa";

describe("org-2fa", () => {
  it("passes when required", () => {
    expect(runCheck(org2fa, makeFacts()).evidence).toEqual([
      { kind: "api", field: "orgs/acme.two_factor_requirement_enabled", value: true },
    ]);
  });

  it("fails when not required", () => {
    const outcome = runCheck(org2fa, makeFacts({ org: { twoFactorRequired: false } }));
    expect(findingFields(outcome)).toEqual([["orgs/acme.two_factor_requirement_enabled", false]]);
    expect(outcome.findings[0]?.remediation).toMatch(/Authentication security/);
  });

  it("is unknown without org facts or when the field is hidden", () => {
    expect(runCheck(org2fa, makeFacts({ org: null })).status).toBe("unknown");
    expect(runCheck(org2fa, makeFacts({ org: { twoFactorRequired: null } })).status).toBe("unknown");
  });
});
