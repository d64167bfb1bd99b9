import { describe, expect, it } from "vitest";
import { makeActionsSettings, makeFacts } from "../../../testing/facts";
import { findingFields, runCheck } from "../test-kit";
import { actionsApprovePrs } from "./actions-approve-prs";

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
