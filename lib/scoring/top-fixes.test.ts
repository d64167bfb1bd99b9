import { describe, expect, it } from "vitest";
import { defaultPolicy } from "../policy/default";
import { finding, result } from "./__fixtures__/results";
import { topFixes } from "./top-fixes";

describe("topFixes", () => {
  it("ranks open failures by the overall points their fix gains (hand-computed)", () => {
    // identity: applicable 10 + 7.5 = 17.5, failed 10 + 7.5 → 0; fixing the critical → 1 − 7.5/17.5 = 57.1
    // secrets: applicable 5 + 5 = 10, failed 5 → 50; fixing it → 100
    // overall now (0 + 50) / 2 = 25; after critical fix (57.14 + 50)/2 = 53.6; after secrets fix (0 + 100)/2 = 50
    const results = [
      result("identity", "critical", "fail", { checkId: "crit" }),
      result("identity", "high", "fail", { checkId: "high" }),
      result("secrets", "medium", "fail", { checkId: "med" }),
      result("secrets", "medium", "pass", { checkId: "ok" }),
    ];
    const fixes = topFixes(results, defaultPolicy);
    expect(fixes.map((f) => [f.checkId, f.gain, f.overallAfter])).toEqual([
      ["crit", 28.6, 53.6],
      ["med", 25, 50],
      ["high", 21.4, 46.4],
    ]);
  });

  it("leaves out suppressed failures, passes and unknowns, and honours the limit", () => {
    const results = [
      result("identity", "high", "fail", {
        checkId: "accepted",
        findings: [finding({ suppressed: { by: "inline", reason: "ok" } })],
      }),
      result("identity", "high", "unknown", { checkId: "unsure" }),
      result("identity", "low", "fail", { checkId: "a" }),
      result("identity", "low", "fail", { checkId: "b" }),
      result("identity", "critical", "pass", { checkId: "fine" }),
    ];
    expect(topFixes(results, defaultPolicy).map((f) => f.checkId)).toEqual(["a", "b"]);
    expect(topFixes(results, defaultPolicy, 1).map((f) => f.checkId)).toEqual(["a"]);
  });
});
