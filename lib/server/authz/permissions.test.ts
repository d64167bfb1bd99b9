import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, ROLES } from "./permissions";

describe("role permissions", () => {
  it("auditors read everything and change nothing", () => {
    for (const p of PERMISSIONS) {
      const expected =
        p === "dashboard:read" || p === "audit:read" || p === "sync:read" || p === "evidence:export";
      expect([p, can("auditor", p)]).toEqual([p, expected]);
    }
  });

  it("engineers never change policy, approve exceptions or export evidence", () => {
    expect(can("engineer", "policy:edit")).toBe(false);
    expect(can("engineer", "exception:approve")).toBe(false);
    expect(can("engineer", "evidence:export")).toBe(false);
    expect(can("engineer", "threatmodel:edit")).toBe(true);
  });

  it("only admins manage users, settings and API keys", () => {
    for (const r of ROLES) {
      expect(can(r, "users:manage")).toBe(r === "admin");
      expect(can(r, "settings:manage")).toBe(r === "admin");
      expect(can(r, "apikeys:manage")).toBe(r === "admin");
    }
  });
});
