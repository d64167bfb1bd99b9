import { describe, expect, it } from "vitest";
import { makeFacts } from "../../../testing/facts";
import { findingFields, runCheck } from "../test-kit";
import { openSecretAlerts } from "./open-secret-alerts";

const security = (secretScanning: boolean | null, secretScanningPushProtection: boolean | null) =>
  makeFacts({
    settings: { security: { secretScanning, secretScanningPushProtection, dependabotAlerts: true } },
  });

describe("open-secret-alerts", () => {
  const alert = (number: number, state: "open" | "resolved") => ({
    number,
    state,
    secretType: "github_personal_access_token",
    createdAt: "2025-03-02T10:00:00Z",
    url: `https://github.com/acme/api/security/secret-scanning/${number}`,
  });

  it("passes with only resolved alerts", () => {
    expect(
      runCheck(
        openSecretAlerts,
        makeFacts({ alerts: { secretScanning: [alert(1, "resolved")], dependabot: [] } }),
      ).status,
    ).toBe("pass");
  });

  it("fails per open alert, linking it", () => {
    const outcome = runCheck(
      openSecretAlerts,
      makeFacts({ alerts: { secretScanning: [alert(3, "open"), alert(4, "resolved")], dependabot: [] } }),
    );
    expect(findingFields(outcome)).toEqual([["secret-scanning/alerts/3.state", "open"]]);
    expect(outcome.findings[0]?.evidence).toMatchObject({
      url: "https://github.com/acme/api/security/secret-scanning/3",
    });
    expect(outcome.findings[0]?.remediation).toContain('{"state":"resolved","resolution":"revoked"}');
  });

  it("still fails on an archived repository", () => {
    const facts = makeFacts({
      archived: true,
      alerts: { secretScanning: [alert(3, "open")], dependabot: [] },
    });
    expect(runCheck(openSecretAlerts, facts).status).toBe("fail");
  });

  it("is unknown when alerts are unreadable or scanning is off", () => {
    expect(runCheck(openSecretAlerts, makeFacts({ alerts: null })).status).toBe("unknown");
    expect(
      runCheck(openSecretAlerts, makeFacts({ alerts: { secretScanning: null, dependabot: [] } })).status,
    ).toBe("unknown");
    expect(runCheck(openSecretAlerts, security(false, false)).status).toBe("unknown");
  });
});
