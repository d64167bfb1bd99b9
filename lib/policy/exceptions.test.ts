import { describe, expect, it } from "vitest";

import type { Policy, PolicyException } from "../checks/types";
import { defaultPolicy } from "./default";
import { activeException } from "./exceptions";

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
