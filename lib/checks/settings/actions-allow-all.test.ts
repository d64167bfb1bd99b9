import { describe, expect, it } from "vitest";
import { makeActionsSettings, makeFacts } from "../../../testing/facts";
import { ctx } from "../test-kit";
import { actionsAllowAll } from "./actions-allow-all";

describe("actions-allow-all", () => {
  it("passes with selected actions at repo and org", () => {
    expect(actionsAllowAll.run(makeFacts(), ctx)).toMatchObject({
      status: "pass",
      evidence: [
        { field: "settings.actions.allowedActions", value: "selected" },
        { field: "org.actions.allowedActions" },
      ],
    });
  });
  it("fails when the repo or the org allows all, or a wildcard pattern is selected", () => {
    const repoAll = actionsAllowAll.run(
      makeFacts({ settings: { actions: makeActionsSettings({ allowedActions: "all" }) } }),
      ctx,
    );
    expect(repoAll).toMatchObject({
      status: "fail",
      findings: [{ evidence: { kind: "api", field: "settings.actions.allowedActions", value: "all" } }],
    });
    expect(
      actionsAllowAll.run(
        makeFacts({ org: { actions: makeActionsSettings({ allowedActions: "all" }) } }),
        ctx,
      ).findings[0]?.evidence,
    ).toMatchObject({ field: "org.actions.allowedActions" });
    const wildcard = makeActionsSettings({
      selected: { githubOwnedAllowed: true, verifiedAllowed: true, patternsAllowed: ["*"] },
    });
    expect(actionsAllowAll.run(makeFacts({ settings: { actions: wildcard } }), ctx).status).toBe("fail");
  });
  it("is unknown when settings are not synced, even if the org is fine", () => {
    expect(actionsAllowAll.run(makeFacts({ settings: null }), ctx).status).toBe("unknown");
    expect(actionsAllowAll.run(makeFacts({ settings: { actions: null } }), ctx).status).toBe("unknown");
  });
});
