import { describe, expect, it } from "vitest";
import { reportFindings } from "./findings";
import { buildJsonReport } from "./json";
import { buildSarif } from "./sarif";
import { formatTable } from "./table";
import { RESULTS, RULES, validateSarif } from "./test-helpers";

describe("reportFindings", () => {
  it("drops unknown results, applies per-finding severity and sorts worst first", () => {
    const rows = reportFindings(RESULTS);
    expect(rows.map((r) => [r.check, r.severity, r.line])).toEqual([
      ["template-injection", "critical", 12],
      ["unpinned-action", "high", 5],
      ["unpinned-action", "high", 9],
      ["unpinned-action", "medium", 3],
    ]);
  });
});

describe("buildJsonReport", () => {
  it("lists only unsuppressed findings with exactly the public keys, and omits null categories", () => {
    const json = buildJsonReport("1.2.3", reportFindings(RESULTS), {
      categories: { identity: null, secrets: 100, "supply-chain": 40, integrity: 0, "change-control": null },
      overall: 46.7,
    });
    expect(json.tool).toBe("gatehouse");
    expect(json.findings).toHaveLength(3);
    expect(Object.keys(json.findings[0] ?? {}).sort()).toEqual([
      "category",
      "check",
      "confidence",
      "file",
      "line",
      "message",
      "remediation",
      "severity",
    ]);
    expect(json.scores).toEqual({ secrets: 100, "supply-chain": 40, integrity: 0, overall: 46.7 });
  });
});

describe("buildSarif", () => {
  const sarif = buildSarif({
    version: "1.2.3",
    rules: RULES,
    findings: reportFindings(RESULTS),
    problems: [{ file: "x.yml", line: 2, message: "no reason" }],
    skipped: [{ path: "big lock.json", reason: "larger than 8 MiB" }],
  });

  it("validates against the SARIF 2.1.0 schema", () => {
    expect(validateSarif(sarif)).toEqual([]);
  });

  it("describes rules with rationale, remediation and GitHub's security-severity", () => {
    const rules = sarif.runs[0]?.tool.driver.rules ?? [];
    expect(
      rules.map((r) => [r.id, r.fullDescription?.text, r.help?.text, r.properties?.["security-severity"]]),
    ).toEqual([
      ["template-injection", "Attacker text becomes shell code.", "Pass it through env.", "9.5"],
      ["unpinned-action", "Tags move.", "Pin to a full SHA.", "8.0"],
    ]);
  });

  it("maps levels, keeps suppressed results as suppressions and gives identical lines distinct fingerprints", () => {
    const results = sarif.runs[0]?.results ?? [];
    expect(results.map((r) => r.level)).toEqual(["error", "error", "error", "warning"]);
    expect(results[0]?.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe(
      ".github/workflows/ci.yml",
    );
    expect(results[0]?.locations?.[0]?.physicalLocation?.region?.startLine).toBe(12);
    expect(results[3]?.suppressions).toEqual([{ kind: "inSource", justification: "reviewed" }]);
    const prints = results.map((r) => r.partialFingerprints?.["gatehouseFinding/v1"]);
    expect(new Set(prints).size).toBe(4);
    expect(prints[1]?.replace(/:\d+$/, "")).toBe(prints[2]?.replace(/:\d+$/, ""));
  });

  it("reports suppression problems and skipped files as tool notifications", () => {
    const notes = sarif.runs[0]?.invocations?.[0]?.toolExecutionNotifications ?? [];
    expect(
      notes.map((n) => [n.level, n.message.text, n.locations?.[0]?.physicalLocation?.artifactLocation?.uri]),
    ).toEqual([
      ["warning", "no reason", "x.yml"],
      ["note", "not analysed: larger than 8 MiB", "big%20lock.json"],
    ]);
  });
});

describe("formatTable", () => {
  it("groups by severity with location and fix, and counts suppressed findings", () => {
    const text = formatTable({
      version: "1",
      target: "repo",
      filesScanned: 3,
      skipped: [{ path: "big.lock", reason: "too big" }],
      findings: reportFindings(RESULTS),
      scores: { categories: { integrity: 0 }, overall: 0, grade: "F" },
      problems: [],
    });
    expect(text.indexOf("CRITICAL (1)")).toBeLessThan(text.indexOf("HIGH (2)"));
    expect(text).toContain("template-injection  .github/workflows/ci.yml:12");
    expect(text).toContain("fix: use env");
    expect(text).toContain("Suppressed: 1 (inline 1, policy exception 0)");
    expect(text).toContain("big.lock  (too big)");
    expect(text).toContain("integrity 0 · overall 0 (grade F)");
    expect(text).not.toContain("MEDIUM");
  });
});
