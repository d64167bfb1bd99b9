import { describe, expect, it } from "vitest";
import { resultsAsOf, type CheckMeta } from "./as-of";

const CHECKS: CheckMeta[] = ["force-push", "unpinned-action", "oidc-missing", "secret-in-log"].map((id) => ({
  id,
  severity: "high",
  remediation: `fix ${id}`,
}));
const snapshot = {
  takenAt: new Date("2026-03-01T00:00:00Z"),
  failing: [
    { checkId: "force-push", severity: "high" as const, location: "api:allow_force_pushes", line: null },
  ],
  passing: ["unpinned-action"],
  waived: ["oidc-missing"],
};

describe("resultsAsOf", () => {
  it("fails a check with a failing instance, passes a listed one, and calls the rest unknown", () => {
    const exception = { id: "EX-1", by: "exception" as const, justification: "later", approver: "vera" };
    const out = resultsAsOf(CHECKS, snapshot, (c) => (c === "oidc-missing" ? exception : undefined));
    expect(out.map((r) => [r.check, r.status])).toEqual([
      ["force-push", "fail"],
      ["unpinned-action", "pass"],
      ["oidc-missing", "exception"],
      ["secret-in-log", "unknown"],
    ]);
    expect(out[0]!.findings[0]).toMatchObject({
      location: "api:allow_force_pushes",
      remediation: "fix force-push",
    });
    expect(out[2]!.exception).toEqual(exception);
  });

  it("never passes a check on a snapshot without passing lists (taken before they existed)", () => {
    const out = resultsAsOf(CHECKS, { ...snapshot, failing: [], passing: [], waived: [] }, () => undefined);
    expect(new Set(out.map((r) => r.status))).toEqual(new Set(["unknown"]));
  });
});
