import { describe, expect, it } from "vitest";
import type { CheckResult, Finding } from "../checks/types";
import { failingInstances } from "./instances";
import { createOrgTally, type TallyRow } from "./org-tally";

const org2fa: Finding = {
  message: "2FA off",
  evidence: { kind: "api", field: "orgs/acme.two_factor_requirement_enabled", value: false },
  remediation: "r",
  confidence: "high",
};
const results = (unpinned: boolean): CheckResult[] => [
  { checkId: "org-2fa", category: "identity", severity: "critical", status: "fail", findings: [org2fa] },
  {
    checkId: "unpinned-action",
    category: "supply-chain",
    severity: "high",
    status: unpinned ? "fail" : "pass",
    findings: unpinned
      ? [
          {
            message: "m",
            evidence: { kind: "file", file: "ci.yml", line: 3, snippet: "uses: a/b@v1" },
            remediation: "r",
            confidence: "high",
          },
        ]
      : [],
  },
  { checkId: "secret-scanning", category: "secrets", severity: "high", status: "unknown", findings: [] },
];
const row = (overall: number, grade: TallyRow["grade"], r: CheckResult[]): TallyRow => ({
  overall,
  grade,
  coverage: 0.5,
  identity: 0,
  secrets: null,
  supplyChain: overall,
  integrity: null,
  changeControl: null,
  results: r,
});

describe("createOrgTally", () => {
  it("counts an org setting once, per-check failing repositories, and grades", () => {
    const tally = createOrgTally();
    for (const [i, unpinned] of [true, true, false].entries()) {
      const r = results(unpinned);
      tally.add(
        row(unpinned ? 50 : 95, unpinned ? "F" : "A", r),
        failingInstances(r, { repositoryId: `r${i}`, organizationId: "o" }),
      );
    }
    const out = tally.result();
    expect(out.orgFindings).toHaveLength(1);
    expect(out.orgFindings[0]!.checkId).toBe("org-2fa");
    // org-2fa is not a per-repository failure: its one finding is in orgFindings.
    expect(out.counts.failingCritical).toBe(0);
    expect(out.counts.failingHigh).toBe(2);
    expect(out.checks["unpinned-action"]).toEqual([2, 1, 0]);
    expect(out.checks["secret-scanning"]).toEqual([0, 0, 3]);
    expect(out.distribution).toMatchObject({ A: 1, F: 2, ungraded: 0 });
    expect(out.overall).toBe(65);
    expect(out.grade).toBe("D");
    expect(out.secrets).toBeNull();
    expect(out.checks["org-2fa"]).toBeUndefined();
  });

  it("has no scores before any repository", () => {
    expect(createOrgTally().result()).toMatchObject({
      overall: null,
      grade: null,
      coverage: null,
      repositories: 0,
    });
  });
});
