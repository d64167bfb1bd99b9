import { describe, expect, it } from "vitest";
import { makeFacts } from "../../../testing/facts";
import { findingFields, runCheck } from "../test-kit";
import { secretScanningDisabled } from "./secret-scanning-disabled";

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
