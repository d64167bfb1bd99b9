import { describe, expect, it } from "vitest";

import { makeFacts } from "../../../testing/facts";
import { NOW, findingFields, runCheck } from "./__fixtures__/run";
import { openSecretAlerts, secretScanningDisabled, staleSecrets } from "./secrets";

const security = (secretScanning: boolean | null, secretScanningPushProtection: boolean | null) =>
  makeFacts({
    settings: { security: { secretScanning, secretScanningPushProtection, dependabotAlerts: true } },
  });

describe("secret-scanning-disabled", () => {
  it("passes when both are on", () => {
    expect(runCheck(secretScanningDisabled, makeFacts()).status).toBe("pass");
  });

  it("fails on push protection off, with a PATCH enabling exactly what is off", () => {
    const outcome = runCheck(secretScanningDisabled, security(true, false));
    expect(findingFields(outcome)).toEqual([
      ["security_and_analysis.secret_scanning_push_protection.status", "disabled"],
    ]);
    expect(outcome.findings[0]?.remediation).toContain(
      '{"security_and_analysis":{"secret_scanning_push_protection":{"status":"enabled"}}}',
    );
  });

  it("fails on both off", () => {
    expect(runCheck(secretScanningDisabled, security(false, false)).findings).toHaveLength(1 + 1);
  });

  it("is unknown when a status is hidden or security settings are unread", () => {
    expect(runCheck(secretScanningDisabled, security(true, null)).status).toBe("unknown");
    expect(runCheck(secretScanningDisabled, makeFacts({ settings: { security: null } })).status).toBe(
      "unknown",
    );
  });
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

describe("stale-secrets", () => {
  const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

  it("passes when every secret was updated within 365 days, and with no secrets", () => {
    expect(
      runCheck(
        staleSecrets,
        makeFacts({ settings: { secrets: [{ name: "A", scope: "repository", updatedAt: daysAgo(365) }] } }),
      ).status,
    ).toBe("pass");
    expect(runCheck(staleSecrets, makeFacts({ settings: { secrets: [] } })).status).toBe("pass");
  });

  it("fails for secrets older than 365 days, per scope", () => {
    const facts = makeFacts({
      settings: {
        secrets: [
          { name: "OLD_REPO", scope: "repository", updatedAt: daysAgo(366) },
          { name: "OLD_ORG", scope: "organization", updatedAt: daysAgo(800) },
          { name: "OLD_ENV", scope: "environment", environment: "prod eu", updatedAt: daysAgo(400) },
          { name: "FRESH", scope: "repository", updatedAt: daysAgo(10) },
        ],
      },
    });
    const outcome = runCheck(staleSecrets, facts);
    expect(findingFields(outcome).map(([field]) => field)).toEqual([
      "actions/secrets/OLD_REPO.updated_at",
      "orgs/acme/actions/secrets/OLD_ORG.updated_at",
      "environments/prod eu/secrets/OLD_ENV.updated_at",
    ]);
    expect(outcome.findings[1]?.message).toBe("Organisation secret OLD_ORG was last updated 800 days ago.");
    expect(outcome.findings[2]?.remediation).toContain(
      "PUT /repos/acme/api/environments/prod%20eu/secrets/OLD_ENV",
    );
  });

  it("uses the context clock, not the wall clock", () => {
    const facts = makeFacts({
      settings: { secrets: [{ name: "A", scope: "repository", updatedAt: "2020-01-01T00:00:00Z" }] },
    });
    expect(runCheck(staleSecrets, facts, { now: new Date("2020-06-01T00:00:00Z") }).status).toBe("pass");
    expect(runCheck(staleSecrets, facts).status).toBe("fail");
  });

  it("is unknown when a date is missing and nothing is stale, or secrets are unreadable", () => {
    expect(
      runCheck(
        staleSecrets,
        makeFacts({ settings: { secrets: [{ name: "A", scope: "repository", updatedAt: null }] } }),
      ).status,
    ).toBe("unknown");
    expect(runCheck(staleSecrets, makeFacts({ settings: { secrets: null } })).status).toBe("unknown");
  });
});
