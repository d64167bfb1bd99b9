import { describe, expect, it } from "vitest";

import type { Policy, PolicyException } from "../checks/types";
import { defaultPolicy } from "./default";
import { activeException, exceptionLapse, exceptionStatus, instanceException } from "./exceptions";
import { PolicyExceptionSchema } from "./schema";

const base: PolicyException = {
  id: "EX-1",
  checkId: "signed-commits",
  repo: "acme/legacy-*",
  justification: "Import bot cannot sign",
  approver: "lead@acme.test",
  expiresAt: "2025-07-01T00:00:00Z",
};
const policyWith = (...exceptions: PolicyException[]): Policy => ({ ...defaultPolicy, exceptions });

describe("activeException", () => {
  const before = new Date("2025-06-30T23:59:59Z");
  const at = new Date("2025-07-01T00:00:00Z");

  it("applies to a matching check and repository before it expires", () => {
    expect(activeException(policyWith(base), "signed-commits", "acme/legacy-api", before)).toBe(base);
  });

  it("stops applying by itself at expiresAt", () => {
    expect(activeException(policyWith(base), "signed-commits", "acme/legacy-api", at)).toBeNull();
  });

  it("does not apply to another check or repository", () => {
    expect(activeException(policyWith(base), "force-push", "acme/legacy-api", before)).toBeNull();
    expect(activeException(policyWith(base), "signed-commits", "acme/api", before)).toBeNull();
  });

  it("prefers the exception that lasts longest among active ones", () => {
    const longer = { ...base, id: "EX-2", repo: "acme/*", expiresAt: "2026-01-01T00:00:00Z" };
    const expired = { ...base, id: "EX-0", expiresAt: "2025-01-01T00:00:00Z" };
    expect(
      activeException(policyWith(expired, base, longer), "signed-commits", "acme/legacy-api", before)?.id,
    ).toBe("EX-2");
  });

  it("never applies an exception with an unparsable date", () => {
    expect(
      activeException(
        policyWith({ ...base, expiresAt: "soon" }),
        "signed-commits",
        "acme/legacy-api",
        before,
      ),
    ).toBeNull();
  });

  it("compares instants across time-zone offsets", () => {
    const offset = { ...base, expiresAt: "2025-07-01T02:00:00+02:00" }; // = 00:00Z
    expect(activeException(policyWith(offset), "signed-commits", "acme/legacy-api", before)).toBe(offset);
    expect(activeException(policyWith(offset), "signed-commits", "acme/legacy-api", at)).toBeNull();
  });
});

describe("instance-scoped exceptions", () => {
  const fp = "0123456789abcdef";
  const one = { ...base, id: "EX-5-1", repo: "acme/legacy-api", fingerprint: fp };
  const before = new Date("2025-06-30T00:00:00Z");

  it("waive only the finding whose fingerprint they name, never the whole check", () => {
    const policy = policyWith(one);
    expect(instanceException(policy, "signed-commits", "acme/legacy-api", fp, before)).toBe(one);
    expect(instanceException(policy, "signed-commits", "Acme/Legacy-API", fp, before)).toBe(one);
    expect(
      instanceException(policy, "signed-commits", "acme/legacy-api", "fedcba9876543210", before),
    ).toBeNull();
    expect(instanceException(policy, "force-push", "acme/legacy-api", fp, before)).toBeNull();
    expect(activeException(policy, "signed-commits", "acme/legacy-api", before)).toBeNull();
  });

  it("need approval and lapse at expiresAt like the others", () => {
    const { approver: _, ...pending } = one;
    expect(
      instanceException(policyWith(pending), "signed-commits", "acme/legacy-api", fp, before),
    ).toBeNull();
    expect(
      instanceException(policyWith(one), "signed-commits", "acme/legacy-api", fp, new Date(one.expiresAt)),
    ).toBeNull();
  });

  it("are refused with a pattern instead of one repository, or a malformed fingerprint", () => {
    const wild = PolicyExceptionSchema.safeParse({ ...one, repo: "acme/legacy-*" });
    expect(wild.error?.issues).toEqual([expect.objectContaining({ path: ["repo"] })]);
    const bad = PolicyExceptionSchema.safeParse({ ...one, fingerprint: "XYZ" });
    expect(bad.error?.issues).toEqual([expect.objectContaining({ path: ["fingerprint"] })]);
  });
});

describe("exceptionStatus and exceptionLapse", () => {
  const now = new Date("2025-06-30T00:00:00Z");
  it("tell pending, active and expired apart", () => {
    expect(exceptionStatus({ expiresAt: base.expiresAt }, now)).toBe("pending");
    expect(exceptionStatus(base, now)).toBe("active");
    expect(exceptionStatus(base, new Date(base.expiresAt))).toBe("expired");
  });

  it("say why a task accepted under an exception reopens", () => {
    const policy = policyWith(base);
    expect(exceptionLapse(policy, "EX-1", now)).toBeNull();
    expect(exceptionLapse(policy, "EX-1", new Date(base.expiresAt))).toEqual({
      reason: "expired",
      note: "exception EX-1 expired",
    });
    expect(exceptionLapse(policy, "EX-7", now)).toEqual({
      reason: "revoked",
      note: "exception EX-7 revoked",
    });
  });
});
