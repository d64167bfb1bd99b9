import { describe, expect, it } from "vitest";
import { makeActionsSettings, makeFacts } from "../../../testing/facts";
import { ctx } from "../wf/test-kit";
import { actionsAllowAll } from "./actions-allow-all";
import { openVulnerabilityAlerts } from "./open-vulnerability-alerts";

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

describe("open-vulnerability-alerts", () => {
  const alert = {
    number: 7,
    state: "open" as const,
    severity: "critical" as const,
    ecosystem: "npm",
    packageName: "lodash",
    ghsaId: "GHSA-p6mc-m468-83gw",
    manifestPath: "package-lock.json",
  };
  it("fails on open critical/high alerts with the API field as evidence", () => {
    const o = openVulnerabilityAlerts.run(
      makeFacts({
        alerts: {
          secretScanning: [],
          dependabot: [
            alert,
            { ...alert, number: 8, severity: "low" },
            { ...alert, number: 9, state: "fixed" },
          ],
        },
      }),
      ctx,
    );
    expect(o).toMatchObject({
      status: "fail",
      findings: [{ evidence: { kind: "api", field: "alerts.dependabot[7]" } }],
    });
    expect(o.findings[0]?.remediation).toContain("lodash");
  });
  it("passes without open high alerts; unknown when alerts were not read or Dependabot is off", () => {
    expect(openVulnerabilityAlerts.run(makeFacts(), ctx).status).toBe("pass");
    expect(openVulnerabilityAlerts.run(makeFacts({ alerts: null }), ctx).status).toBe("unknown");
    expect(
      openVulnerabilityAlerts.run(
        makeFacts({
          settings: {
            security: { secretScanning: true, secretScanningPushProtection: true, dependabotAlerts: false },
          },
        }),
        ctx,
      ).status,
    ).toBe("unknown");
  });
});
