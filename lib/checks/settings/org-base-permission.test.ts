import { describe, expect, it } from "vitest";
import { makeFacts } from "../../../testing/facts";
import { findingFields, runCheck } from "../test-kit";
import { orgBasePermission } from "./org-base-permission";

describe("org-base-permission", () => {
  it.each([
    ["none", "pass"],
    ["read", "pass"],
    ["write", "fail"],
    ["admin", "fail"],
    [null, "unknown"],
  ] as const)("%s → %s", (permission, status) => {
    expect(
      runCheck(orgBasePermission, makeFacts({ org: { defaultRepositoryPermission: permission } })).status,
    ).toBe(status);
  });

  it("names the PATCH that fixes it", () => {
    const outcome = runCheck(orgBasePermission, makeFacts({ org: { defaultRepositoryPermission: "write" } }));
    expect(findingFields(outcome)).toEqual([["orgs/acme.default_repository_permission", "write"]]);
    expect(outcome.findings[0]?.remediation).toContain(
      'PATCH /orgs/acme` with `{"default_repository_permission":"read"}',
    );
  });
});
