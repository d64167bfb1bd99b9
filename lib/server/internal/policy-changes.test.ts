import { describe, expect, it } from "vitest";
import type { Policy, PolicyException } from "../../checks/types";
import { defaultPolicy } from "../../policy/index";
import { describeChanges, diffPolicies, isUnchanged, stampApprovers } from "./policy-changes";

const ex = (id: string, overrides: Partial<PolicyException> = {}): PolicyException => ({
  id,
  checkId: "signed-commits",
  repo: "acme/*",
  justification: "Import bot cannot sign commits",
  approver: "sam",
  expiresAt: "2027-01-01T00:00:00Z",
  ...overrides,
});
const policy = (overrides: Partial<Policy> = {}): Policy => ({ ...defaultPolicy, ...overrides });

describe("diffPolicies", () => {
  it("finds nothing between equal policies", () => {
    expect(
      isUnchanged(diffPolicies(policy({ exceptions: [ex("A")] }), policy({ exceptions: [ex("A")] }))),
    ).toBe(true);
  });

  it("reports weights, list additions/removals and exception ids", () => {
    const before = policy({ criticalRepos: ["acme/a"], exceptions: [ex("A"), ex("B")] });
    const after = policy({
      weights: { ...defaultPolicy.weights, low: 1 },
      criticalRepos: ["acme/b"],
      exceptions: [ex("A", { expiresAt: "2028-01-01T00:00:00Z" }), ex("C")],
    });
    const changes = diffPolicies(before, after);
    expect(changes).toEqual({
      weights: { low: { from: 2.5, to: 1 } },
      criticalRepos: { added: ["acme/b"], removed: ["acme/a"] },
      exceptions: { added: ["C"], removed: ["B"], changed: ["A"] },
    });
    expect(describeChanges(changes)).toEqual([
      "weight low: 2.5 → 1",
      "critical repos added: acme/b",
      "critical repos removed: acme/a",
      "exceptions added: C",
      "exceptions changed: A",
      "exceptions removed: B",
    ]);
  });
});

describe("stampApprovers", () => {
  it("makes new and edited exceptions pending, requested by the saver", () => {
    const before = policy({
      exceptions: [ex("A", { approver: "lee", requestedBy: "sam" }), ex("B", { approver: "lee" })],
    });
    const after = policy({
      exceptions: [
        ex("A", { approver: "lee", requestedBy: "sam" }),
        ex("B", { approver: "lee", repo: "acme/b" }),
        ex("C", { approver: "someone" }),
      ],
    });
    const { policy: stamped, approved } = stampApprovers(before, after, "sam");
    expect(stamped.exceptions.map((e) => [e.id, e.requestedBy ?? null, e.approver ?? null])).toEqual([
      ["A", "sam", "lee"],
      ["B", "sam", null],
      ["C", "sam", null],
    ]);
    expect(approved).toEqual(["B", "C"]);
  });

  it("ignores an approver rewritten in the document when nothing else changed", () => {
    const before = policy({ exceptions: [ex("A", { approver: "lee" })] });
    const { policy: stamped, approved } = stampApprovers(
      before,
      policy({ exceptions: [ex("A", { approver: "ceo" })] }),
      "sam",
    );
    expect(stamped.exceptions[0]!.approver).toBe("lee");
    expect(approved).toEqual([]);
    expect(isUnchanged(diffPolicies(before, stamped))).toBe(true);
  });

  it("treats pointing an approved exception at another finding as a new request (pending again)", () => {
    const before = policy({ exceptions: [ex("A", { repo: "acme/api", fingerprint: "0123456789abcdef" })] });
    const after = policy({ exceptions: [ex("A", { repo: "acme/api", fingerprint: "fedcba9876543210" })] });
    const { policy: stamped, approved } = stampApprovers(before, after, "eve");
    expect(approved).toEqual(["A"]);
    expect(stamped.exceptions[0]).toMatchObject({ requestedBy: "eve", fingerprint: "fedcba9876543210" });
    expect(stamped.exceptions[0]?.approver).toBeUndefined();
  });

  it("approves a pending exception only through the approvals map", () => {
    const before = policy({ exceptions: [ex("A", { approver: undefined, requestedBy: "sam" })] });
    const forged = stampApprovers(before, policy({ exceptions: [ex("A", { approver: "ceo" })] }), "sam");
    expect(forged.policy.exceptions[0]!.approver).toBeUndefined();
    const { policy: stamped } = stampApprovers(before, before, "lee", new Map([["A", "lee"]]));
    expect(stamped.exceptions[0]).toMatchObject({ requestedBy: "sam", approver: "lee" });
    expect(diffPolicies(before, stamped).exceptions).toEqual({ added: [], removed: [], changed: ["A"] });
  });
});
