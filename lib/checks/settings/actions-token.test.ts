import { describe, expect, it } from "vitest";

import { makeActionsSettings, makeFacts } from "../../../testing/facts";
import { findingFields, runCheck } from "./__fixtures__/run";
import { actionsApprovePrs, defaultTokenWrite } from "./actions-token";

const facts = (
  repo: Parameters<typeof makeActionsSettings>[0] | null,
  org: Parameters<typeof makeActionsSettings>[0] | null,
) =>
  makeFacts({
    settings: { actions: repo ? makeActionsSettings(repo) : null },
    org: { actions: org ? makeActionsSettings(org) : null },
  });

describe("actions-approve-prs", () => {
  it("passes when neither level allows it", () => {
    expect(runCheck(actionsApprovePrs, makeFacts()).status).toBe("pass");
  });

  it("fails when the repository allows it", () => {
    const outcome = runCheck(actionsApprovePrs, facts({ canApprovePullRequestReviews: true }, {}));
    expect(findingFields(outcome)).toEqual([
      ["actions/permissions/workflow.can_approve_pull_request_reviews", true],
    ]);
    expect(outcome.findings[0]?.remediation).toContain(
      'PUT /repos/acme/api/actions/permissions/workflow` with `{"can_approve_pull_request_reviews":false}',
    );
  });

  it("fails when only the organisation allows it", () => {
    const outcome = runCheck(actionsApprovePrs, facts({}, { canApprovePullRequestReviews: true }));
    expect(findingFields(outcome)).toEqual([
      ["orgs/acme/actions/permissions/workflow.can_approve_pull_request_reviews", true],
    ]);
    expect(outcome.findings[0]?.remediation).toContain("PUT /orgs/acme/actions/permissions/workflow");
  });

  it("passes on a safe org cap when the repository value is unknown", () => {
    expect(runCheck(actionsApprovePrs, facts({ canApprovePullRequestReviews: null }, {})).status).toBe(
      "pass",
    );
  });

  it("is unknown when neither level is readable", () => {
    expect(runCheck(actionsApprovePrs, facts(null, null)).status).toBe("unknown");
    expect(runCheck(actionsApprovePrs, makeFacts({ settings: null })).status).toBe("unknown");
  });

  it("is not applicable when Actions is disabled or the repo archived", () => {
    expect(
      runCheck(actionsApprovePrs, facts({ enabled: false, canApprovePullRequestReviews: true }, {})).status,
    ).toBe("not-applicable");
    expect(runCheck(actionsApprovePrs, makeFacts({ archived: true })).status).toBe("not-applicable");
  });
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
