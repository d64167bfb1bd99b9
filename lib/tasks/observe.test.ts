import { describe, expect, it } from "vitest";
import type { CheckResult, Finding } from "../checks/types";
import { observeCheck } from "./observe";
import { ownerIndex } from "./owners";

const finding = (extra: Partial<Finding> = {}): Finding => ({
  message: "uses: actions/checkout@v4 is not pinned",
  evidence: { kind: "file", file: ".github/workflows/ci.yml", line: 7, snippet: "uses: actions/checkout@v4" },
  remediation: "uses: actions/checkout@11bd719 # v4",
  confidence: "high",
  ...extra,
});
const result = (extra: Partial<CheckResult>): CheckResult => ({
  checkId: "unpinned-actions",
  category: "supply-chain",
  severity: "high",
  status: "fail",
  findings: [finding()],
  ...extra,
});
const owners = ownerIndex({
  files: [{ path: ".github/CODEOWNERS", text: "* @acme/everyone\n.github/workflows/ @acme/platform\n" }],
  paths: null,
  settings: null,
});

describe("observeCheck", () => {
  it("a failing check names the evidence file's CODEOWNERS and the worst open finding", () => {
    const o = observeCheck(
      result({ findings: [finding({ severity: "medium" }), finding({ severity: "low" })] }),
      owners,
    );
    expect(o).toMatchObject({ outcome: "fail", severity: "medium", owners: ["@acme/platform"] });
    expect(o.evidence[0]).toEqual({
      message: "uses: actions/checkout@v4 is not pinned",
      file: ".github/workflows/ci.yml",
      line: 7,
      remediation: "uses: actions/checkout@11bd719 # v4",
    });
  });

  it("falls back to the repository's member admins when CODEOWNERS names nobody", () => {
    const admins = ownerIndex({
      files: [],
      paths: [],
      settings: {
        collaborators: [
          { login: "zoe", permission: "admin", outside: false },
          { login: "out", permission: "admin", outside: true },
          { login: "bob", permission: "write", outside: false },
        ],
      } as never,
    });
    expect(observeCheck(result({}), admins).owners).toEqual(["@zoe"]);
  });

  it("tells a waived check (exception id) from a fixed one and an undecided one", () => {
    const waived = result({
      status: "pass",
      findings: [finding({ suppressed: { by: "exception", reason: "later", exceptionId: "EX-2-1" } })],
    });
    expect(observeCheck(waived, owners)).toMatchObject({ outcome: "accepted", exceptionId: "EX-2-1" });
    const whole = result({
      status: "pass",
      findings: [],
      reason: "accepted by policy exception EX-4-2: why",
    });
    expect(observeCheck(whole, owners)).toMatchObject({ outcome: "accepted", exceptionId: "EX-4-2" });
    expect(observeCheck(result({ status: "pass", findings: [] }), owners).outcome).toBe("pass");
    expect(observeCheck(result({ status: "not-applicable", findings: [] }), owners).outcome).toBe("pass");
    expect(observeCheck(result({ status: "unknown", findings: [] }), owners).outcome).toBe("undecided");
  });
});
