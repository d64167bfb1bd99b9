import { describe, expect, it } from "vitest";
import type { CheckResult } from "@/lib/checks/types";
import { filterResults, parseFindingFilters } from "./finding-filters";

const r = (checkId: string, over: Partial<CheckResult>): CheckResult => ({
  checkId,
  category: "identity",
  severity: "high",
  status: "fail",
  findings: [],
  ...over,
});

const finding = {
  message: "m",
  evidence: { kind: "api" as const, field: "x", value: 1 },
  remediation: "r",
  confidence: "high" as const,
};
const results = [
  r("a", { category: "secrets", severity: "critical" }),
  r("b", { status: "pass", findings: [{ ...finding, suppressed: { by: "inline", reason: "ok" } }] }),
  r("c", { status: "pass" }),
  r("d", { severity: "high", findings: [{ ...finding, severity: "medium" }] }),
  r("e", { status: "unknown", category: "integrity", severity: "low" }),
];

describe("finding filters", () => {
  it("reads category, severity and status from the URL, ignoring values it does not know", () => {
    expect(
      parseFindingFilters({ category: "secrets", severity: ["low", "high"], status: "accepted" }),
    ).toEqual({
      category: "secrets",
      severity: "low",
      status: "accepted",
    });
    expect(parseFindingFilters({ category: "nope", severity: "", status: "passed" })).toEqual({
      category: null,
      severity: null,
      status: null,
    });
  });

  it("keeps the results matching every filter; accepted is a pass by suppression", () => {
    const ids = (f: Parameters<typeof parseFindingFilters>[0]) =>
      filterResults(results, parseFindingFilters(f)).map((x) => x.checkId);
    expect(ids({})).toEqual(["a", "b", "c", "d", "e"]);
    expect(ids({ status: "accepted" })).toEqual(["b"]);
    expect(ids({ status: "pass" })).toEqual(["c"]);
    expect(ids({ status: "fail", category: "identity" })).toEqual(["d"]);
    expect(ids({ severity: "medium" })).toEqual(["d"]);
    expect(ids({ category: "integrity", severity: "low" })).toEqual(["e"]);
  });
});
