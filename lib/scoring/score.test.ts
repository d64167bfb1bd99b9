import { describe, expect, it } from "vitest";

import type { Policy } from "../checks/types";
import { defaultPolicy } from "../policy/default";
import { finding, result } from "./__fixtures__/results";
import { effectiveStatus, gradeFor, scoreResults } from "./score";

describe("scoreResults", () => {
  it("weights failures by severity (hand-computed)", () => {
    // identity: applicable 10 + 7.5 + 5 + 2.5 = 25, failed 7.5 + 2.5 = 10 → 100 × (1 − 10/25) = 60
    const scores = scoreResults(
      [
        result("identity", "critical", "pass"),
        result("identity", "high", "fail"),
        result("identity", "medium", "pass"),
        result("identity", "low", "fail"),
      ],
      defaultPolicy,
    );
    expect(scores.categories.identity).toBe(60);
  });

  it("rounds to one decimal and averages non-null categories for overall", () => {
    // secrets: 1 − 5/15 = 66.666… → 66.7 ; integrity: 1 − 10/17.5 = 42.857… → 42.9
    // overall = (66.666… + 42.857…) / 2 = 54.761… → 54.8 (mean of unrounded values)
    const scores = scoreResults(
      [
        result("secrets", "medium", "fail"),
        result("secrets", "medium", "pass"),
        result("secrets", "medium", "pass"),
        result("integrity", "critical", "fail"),
        result("integrity", "high", "pass"),
      ],
      defaultPolicy,
    );
    expect(scores.categories).toEqual({
      identity: null,
      secrets: 66.7,
      "supply-chain": null,
      integrity: 42.9,
      "change-control": null,
    });
    expect(scores.overall).toBe(54.8);
    expect(scores.grade).toBe("F");
  });

  it("leaves categories with nothing applicable null, and overall null when all are", () => {
    const scores = scoreResults(
      [result("identity", "high", "unknown"), result("secrets", "low", "not-applicable")],
      defaultPolicy,
    );
    expect(Object.values(scores.categories).every((v) => v === null)).toBe(true);
    expect(scores.overall).toBeNull();
    expect(scores.grade).toBeNull();
  });

  it("excludes unknown and not-applicable from the score but counts them", () => {
    const scores = scoreResults(
      [
        result("identity", "high", "pass"),
        result("identity", "critical", "unknown"),
        result("identity", "critical", "not-applicable"),
      ],
      defaultPolicy,
    );
    expect(scores.categories.identity).toBe(100);
    expect(scores.counts).toEqual({
      total: 3,
      pass: 1,
      fail: 0,
      notApplicable: 1,
      unknown: 1,
      suppressed: 0,
    });
    expect(scores.coverage).toBe(0.667);
  });

  it("reports coverage 0 for no results and 1 when nothing is unknown", () => {
    expect(scoreResults([], defaultPolicy).coverage).toBe(0);
    expect(scoreResults([result("identity", "low", "fail")], defaultPolicy).coverage).toBe(1);
  });

  it("counts a failure whose findings are all suppressed as a pass", () => {
    const suppressed = result("identity", "high", "fail", {
      findings: [finding({ suppressed: { by: "exception", reason: "accepted", exceptionId: "EX-1" } })],
    });
    const partly = result("identity", "high", "fail", {
      findings: [finding({ suppressed: { by: "inline", reason: "test fixture" } }), finding()],
    });
    expect(effectiveStatus(suppressed)).toBe("pass");
    expect(effectiveStatus(partly)).toBe("fail");
    const scores = scoreResults([suppressed, partly], defaultPolicy);
    expect(scores.categories.identity).toBe(50);
    expect(scores.counts).toMatchObject({ pass: 1, fail: 1, suppressed: 1 });
  });

  it("counts a suppression the runner already turned into a pass", () => {
    const settled = result("identity", "high", "pass", {
      findings: [finding({ suppressed: { by: "inline", reason: "fixture" } })],
    });
    expect(scoreResults([settled], defaultPolicy).counts).toMatchObject({ pass: 1, suppressed: 1 });
    expect(scoreResults([result("identity", "high", "pass")], defaultPolicy).counts.suppressed).toBe(0);
  });

  it("weighs a failure as its worst open finding, capped at the check's severity", () => {
    const githubOwnedOnly = result("supply-chain", "high", "fail", {
      findings: [finding({ severity: "medium" })],
    });
    // applicable: 5 (the failure, as medium) + 7.5 (a passing high) = 12.5; failed 5 → 60
    expect(
      scoreResults([githubOwnedOnly, result("supply-chain", "high", "pass")], defaultPolicy).categories[
        "supply-chain"
      ],
    ).toBe(60);
    const inflated = result("supply-chain", "low", "fail", { findings: [finding({ severity: "critical" })] });
    // capped at low: applicable 2.5 + 2.5, failed 2.5 → 50
    expect(
      scoreResults([inflated, result("supply-chain", "low", "pass")], defaultPolicy).categories[
        "supply-chain"
      ],
    ).toBe(50);
  });

  it("uses the policy's weights", () => {
    const policy: Policy = { ...defaultPolicy, weights: { critical: 1, high: 1, medium: 1, low: 3 } };
    // applicable 1 + 3, failed 3 → 25
    expect(
      scoreResults([result("identity", "critical", "pass"), result("identity", "low", "fail")], policy)
        .categories.identity,
    ).toBe(25);
  });

  it("grades on the documented thresholds", () => {
    expect([90, 89.9, 80, 70, 60, 59.9, 0, null].map(gradeFor)).toEqual([
      "A",
      "B",
      "B",
      "C",
      "D",
      "F",
      "F",
      null,
    ]);
  });

  it("is deterministic and independent of result order", () => {
    const results = [
      result("identity", "high", "fail"),
      result("secrets", "medium", "pass"),
      result("integrity", "low", "fail"),
      result("integrity", "critical", "pass"),
      result("change-control", "medium", "unknown"),
      result("supply-chain", "high", "fail", { findings: [finding({ severity: "medium" })] }),
      result("supply-chain", "low", "pass"),
    ];
    const first = JSON.stringify(scoreResults(results, defaultPolicy));
    expect(JSON.stringify(scoreResults(results, defaultPolicy))).toBe(first);
    expect(JSON.stringify(scoreResults([...results].reverse(), defaultPolicy))).toBe(first);
    expect(Object.keys(JSON.parse(first).categories)).toEqual([
      "identity",
      "secrets",
      "supply-chain",
      "integrity",
      "change-control",
    ]);
  });
});
