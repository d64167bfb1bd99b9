import { describe, expect, it } from "vitest";
import type { CheckResult, Finding } from "../checks/types";
import { failingInstances, packFingerprints, unpackFingerprints } from "./instances";
import { planLifetimes } from "./lifetimes";

const scope = { repositoryId: "repo-1", organizationId: "org-1" };
const fileFinding = (line: number, snippet: string, extra: Partial<Finding> = {}): Finding => ({
  message: "m",
  evidence: { kind: "file", file: ".github/workflows/ci.yml", line, snippet },
  remediation: "r",
  confidence: "high",
  ...extra,
});
const result = (
  checkId: string,
  findings: Finding[],
  status: CheckResult["status"] = "fail",
): CheckResult => ({
  checkId,
  category: "supply-chain",
  severity: "high",
  status,
  findings,
});

describe("failingInstances", () => {
  it("keeps a finding's fingerprint when its line moves or its indentation changes", () => {
    const before = failingInstances(
      [result("unpinned-action", [fileFinding(12, "uses: foo/bar@v1")])],
      scope,
    );
    const after = failingInstances(
      [result("unpinned-action", [fileFinding(40, "    uses:   foo/bar@v1 ")])],
      scope,
    );
    expect(after[0]!.fingerprint).toBe(before[0]!.fingerprint);
    expect(after[0]!.line).toBe(40);
  });

  it("gives a changed line, another repository and a repeated identical line their own fingerprints", () => {
    const a = failingInstances([result("unpinned-action", [fileFinding(1, "uses: foo/bar@v1")])], scope);
    const b = failingInstances([result("unpinned-action", [fileFinding(1, "uses: foo/bar@v2")])], scope);
    const c = failingInstances([result("unpinned-action", [fileFinding(1, "uses: foo/bar@v1")])], {
      ...scope,
      repositoryId: "repo-2",
    });
    const twice = failingInstances(
      [result("unpinned-action", [fileFinding(1, "uses: foo/bar@v1"), fileFinding(9, "uses: foo/bar@v1")])],
      scope,
    );
    const all = new Set([a[0]!.fingerprint, b[0]!.fingerprint, c[0]!.fingerprint, twice[1]!.fingerprint]);
    expect(all.size).toBe(4);
    expect(twice[0]!.fingerprint).toBe(a[0]!.fingerprint);
  });

  it("marks org settings as org-level with one fingerprint shared by every repository", () => {
    const org2fa: Finding = {
      message: "2FA off",
      evidence: { kind: "api", field: "orgs/acme.two_factor_requirement_enabled", value: false },
      remediation: "r",
      confidence: "high",
    };
    const one = failingInstances([result("org-2fa", [org2fa])], scope);
    const two = failingInstances([result("org-2fa", [org2fa])], { ...scope, repositoryId: "repo-2" });
    expect(one[0]!.orgLevel).toBe(true);
    expect(one[0]!.fingerprint).toBe(two[0]!.fingerprint);
  });

  it("leaves out passes, unknowns and suppressed findings; a failure without findings is one instance", () => {
    const instances = failingInstances(
      [
        result("a", [], "pass"),
        result("b", [], "unknown"),
        result("c", [fileFinding(1, "x", { suppressed: { by: "inline", reason: "ok" } })]),
        result("d", []),
      ],
      scope,
    );
    expect(instances.map((i) => [i.checkId, i.location])).toEqual([["d", "check"]]);
  });

  it("packs fingerprints into sorted 8-byte records and back", () => {
    const packed = packFingerprints(["ffeeddccbbaa9988", "0011223344556677", "0011223344556677"]);
    expect(packed.length).toBe(16);
    expect(unpackFingerprints(packed)).toEqual(["0011223344556677", "ffeeddccbbaa9988"]);
  });
});

describe("planLifetimes", () => {
  const inst = (fingerprint: string, line: number | null = null) => ({
    fingerprint,
    checkId: "c",
    severity: "high" as const,
    location: "check",
    line,
    orgLevel: false,
    message: "",
  });
  it("creates new findings, fixes vanished ones, reopens returning ones, and records moved lines", () => {
    const plan = planLifetimes(
      [inst("new"), inst("back"), inst("still", 7), inst("same", 3)],
      [
        { fingerprint: "back", fixedAt: new Date(0), line: null },
        { fingerprint: "gone", fixedAt: null, line: null },
        { fingerprint: "old-fixed", fixedAt: new Date(0), line: null },
        { fingerprint: "still", fixedAt: null, line: 5 },
        { fingerprint: "same", fixedAt: null, line: 3 },
      ],
    );
    expect(plan.create.map((i) => i.fingerprint)).toEqual(["new"]);
    expect(plan.reopen).toEqual(["back"]);
    expect(plan.fix).toEqual(["gone"]);
    expect(plan.moved).toEqual([{ fingerprint: "still", line: 7 }]);
  });
});
