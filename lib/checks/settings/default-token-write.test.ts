import { describe, expect, it } from "vitest";
import { makeActionsSettings, makeFacts } from "../../../testing/facts";
import { findingFields, runCheck } from "../test-kit";
import { defaultTokenWrite } from "./default-token-write";

const facts = (
  repo: Parameters<typeof makeActionsSettings>[0] | null,
  org: Parameters<typeof makeActionsSettings>[0] | null,
) =>
  makeFacts({
    settings: { actions: repo ? makeActionsSettings(repo) : null },
    org: { actions: org ? makeActionsSettings(org) : null },
  });

describe("default-token-write", () => {
  it("passes on read at both levels", () => {
    expect(runCheck(defaultTokenWrite, makeFacts()).evidence).toHaveLength(2);
  });

  it("fails on write at either level", () => {
    expect(
      findingFields(runCheck(defaultTokenWrite, facts({ defaultWorkflowPermissions: "write" }, {}))),
    ).toEqual([["actions/permissions/workflow.default_workflow_permissions", "write"]]);
    const orgOnly = runCheck(defaultTokenWrite, facts({}, { defaultWorkflowPermissions: "write" }));
    expect(orgOnly.status).toBe("fail");
    expect(orgOnly.findings[0]?.remediation).toContain('{"default_workflow_permissions":"read"}');
  });

  it("passes when the repository is read and the org unknown; unknown when both are", () => {
    expect(runCheck(defaultTokenWrite, makeFacts({ org: null })).status).toBe("pass");
    expect(
      runCheck(
        defaultTokenWrite,
        facts({ defaultWorkflowPermissions: null }, { defaultWorkflowPermissions: null }),
      ).status,
    ).toBe("unknown");
  });
});
