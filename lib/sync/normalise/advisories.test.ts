import { describe, expect, it } from "vitest";
import { normaliseActionAdvisories } from "./advisories";

describe("normaliseActionAdvisories", () => {
  it("keeps actions-ecosystem vulnerabilities with their range and patched version", () => {
    const raw = [
      {
        ghsa_id: "GHSA-mrrh-fwg8-r2c3",
        summary: "tj-actions/changed-files can disclose secrets",
        severity: "high",
        vulnerabilities: [
          {
            package: { ecosystem: "actions", name: "tj-actions/changed-files" },
            vulnerable_version_range: "< 46.0.1",
            first_patched_version: "46.0.1",
          },
          {
            package: { ecosystem: "npm", name: "left-pad" },
            vulnerable_version_range: "< 1",
            first_patched_version: null,
          },
        ],
      },
      {
        ghsa_id: "GHSA-x",
        summary: "moderate one",
        severity: "moderate",
        vulnerabilities: [
          {
            package: { ecosystem: "actions", name: "a/b" },
            vulnerable_version_range: "<= 2.0.0",
            first_patched_version: { identifier: "2.0.1" },
          },
        ],
      },
    ];
    expect(normaliseActionAdvisories(raw, () => {})).toEqual([
      {
        ghsaId: "GHSA-mrrh-fwg8-r2c3",
        action: "tj-actions/changed-files",
        severity: "high",
        vulnerableRange: "< 46.0.1",
        patchedVersion: "46.0.1",
        summary: "tj-actions/changed-files can disclose secrets",
      },
      {
        ghsaId: "GHSA-x",
        action: "a/b",
        severity: "medium",
        vulnerableRange: "<= 2.0.0",
        patchedVersion: "2.0.1",
        summary: "moderate one",
      },
    ]);
  });

  it("is unknown when the list was not readable, and skips malformed entries with a reason", () => {
    expect(normaliseActionAdvisories(null, () => {})).toBeNull();
    const reasons: string[] = [];
    expect(normaliseActionAdvisories([{ nope: 1 }], (i) => reasons.push(i.reason))).toEqual([]);
    expect(reasons).toHaveLength(1);
  });
});
