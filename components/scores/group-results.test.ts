import { describe, expect, it } from "vitest";
import type { CheckResult, Finding } from "@/lib/checks/types";
import { groupResults } from "./group-results";

const finding = (suppressed?: Finding["suppressed"]): Finding => ({
  message: "m",
  evidence: { kind: "api", field: "f", value: 1 },
  remediation: "r",
  confidence: "high",
  ...(suppressed ? { suppressed } : {}),
});
const result = (checkId: string, overrides: Partial<CheckResult>): CheckResult => ({
  checkId,
  category: "identity",
  severity: "high",
  status: "pass",
  findings: [],
  ...overrides,
});

describe("groupResults", () => {
  it("groups failures by category in catalogue order, then by severity worst first", () => {
    const grouped = groupResults([
      result("a", { status: "fail", category: "secrets", severity: "low", findings: [finding()] }),
      result("b", { status: "fail", category: "identity", severity: "medium" }),
      result("c", { status: "fail", category: "secrets", severity: "critical" }),
    ]);
    expect(
      grouped.failing.map((g) => [
        g.category,
        g.bySeverity.map((s) => [s.severity, s.results.map((r) => r.checkId)]),
      ]),
    ).toEqual([
      ["identity", [["medium", ["b"]]]],
      [
        "secrets",
        [
          ["critical", ["c"]],
          ["low", ["a"]],
        ],
      ],
    ]);
  });

  it("keeps suppressed passes apart from clean passes, and lists unknown and not-applicable", () => {
    const grouped = groupResults([
      result("p", {}),
      result("s", { findings: [finding({ by: "exception", reason: "accepted", exceptionId: "EX-1" })] }),
      result("u", { status: "unknown", reason: "no admin rights" }),
      result("n", { status: "not-applicable" }),
    ]);
    expect(
      [grouped.pass, grouped.accepted, grouped.unknown, grouped.notApplicable].map((l) =>
        l.map((r) => r.checkId),
      ),
    ).toEqual([["p"], ["s"], ["u"], ["n"]]);
  });
});
