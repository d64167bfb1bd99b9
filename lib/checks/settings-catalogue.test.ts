import { describe, expect, it } from "vitest";
import { makeFacts, unknownSettingsFacts } from "../../testing/facts";
import { CATEGORIES, SEVERITIES } from "./types";
import { runCheck } from "./test-kit";
import { catalogue } from "./catalogue";

// Rows of CHECKS.md this module owns, with their category and severity (public interface).
const EXPECTED: Record<string, [string, string]> = {
  "branch-protection": ["identity", "high"],
  "required-reviews": ["identity", "high"],
  "stale-approvals": ["identity", "low"],
  "admin-bypass": ["identity", "medium"],
  "force-push": ["identity", "high"],
  "signed-commits": ["identity", "low"],
  "outside-collaborator-admin": ["identity", "high"],
  "write-deploy-key": ["identity", "medium"],
  "actions-approve-prs": ["identity", "high"],
  "default-token-write": ["identity", "high"],
  "org-2fa": ["identity", "critical"],
  "org-base-permission": ["identity", "medium"],
  "secret-scanning-disabled": ["secrets", "high"],
  "open-secret-alerts": ["secrets", "critical"],
  "stale-secrets": ["secrets", "low"],
  "code-owner-review-off": ["change-control", "medium"],
  "status-checks-missing": ["change-control", "medium"],
  "production-no-reviewers": ["change-control", "high"],
  "production-self-review": ["change-control", "medium"],
  "production-any-branch": ["change-control", "high"],
  "admins-bypass-environment": ["change-control", "low"],
  "actions-allow-all": ["supply-chain", "medium"],
  "open-vulnerability-alerts": ["supply-chain", "high"],
  "webhook-insecure": ["secrets", "medium"],
};

// Every check judged from settings or alerts alone (none of them runs in `gatehouse scan`).
const settingsChecks = catalogue.filter((c) => c.from.every((s) => s === "settings" || s === "alerts"));

describe("settings catalogue", () => {
  it("has exactly the CHECKS.md ids with their category and severity", () => {
    expect(Object.fromEntries(settingsChecks.map((c) => [c.id, [c.category, c.severity]]))).toEqual(EXPECTED);
  });

  it.each(settingsChecks.map((c) => [c.id, c] as const))("%s has complete metadata", (_id, check) => {
    expect(CATEGORIES).toContain(check.category);
    expect(SEVERITIES).toContain(check.severity);
    expect(check.title.length).toBeGreaterThan(10);
    expect(check.rationale.length).toBeGreaterThan(60);
    expect(check.remediation.length).toBeGreaterThan(20);
    expect(check.from.every((s) => s === "settings" || s === "alerts")).toBe(true);
  });

  it("passes every check on the well-configured baseline", () => {
    const failing = settingsChecks.filter((c) => runCheck(c, makeFacts()).status !== "pass").map((c) => c.id);
    expect(failing).toEqual([]);
  });

  it("reports every check unknown (never pass or fail) when nothing was synced", () => {
    const statuses = settingsChecks.map((c) => [c.id, runCheck(c, unknownSettingsFacts()).status]);
    expect(statuses.filter(([, s]) => s !== "unknown")).toEqual([]);
  });

  it("gives every non-pass outcome a reason or findings with api evidence and a specific remediation", () => {
    const broken = makeFacts({
      settings: {
        branchProtection: null,
        rulesets: [],
        deployKeys: [{ id: 1, title: "k", readOnly: false }],
        environments: [],
      },
      org: { twoFactorRequired: false },
    });
    for (const check of settingsChecks) {
      const outcome = runCheck(check, broken);
      if (outcome.status === "fail") {
        for (const f of outcome.findings) {
          expect(f.evidence.kind).toBe("api");
          expect(f.remediation).toMatch(/Settings|REST/);
        }
      } else if (outcome.status !== "pass") {
        expect(outcome.reason, check.id).toBeTruthy();
      }
    }
  });
});
