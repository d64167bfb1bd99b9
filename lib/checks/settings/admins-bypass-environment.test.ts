import { describe, expect, it } from "vitest";
import { makeEnvironment, makeFacts } from "../../../testing/facts";
import { findingFields, runCheck } from "../test-kit";
import { adminsBypassEnvironment } from "./admins-bypass-environment";

const envs = (...environments: ReturnType<typeof makeEnvironment>[]) =>
  makeFacts({ settings: { environments } });

describe("admins-bypass-environment", () => {
  it("passes when admins cannot bypass", () => {
    expect(runCheck(adminsBypassEnvironment, envs(makeEnvironment())).evidence).toEqual([
      { kind: "api", field: "environments/production.can_admins_bypass", value: false },
    ]);
  });

  it("fails when admins can bypass", () => {
    const outcome = runCheck(
      adminsBypassEnvironment,
      envs(makeEnvironment({ name: "live", canAdminsBypass: true })),
    );
    expect(findingFields(outcome)).toEqual([["environments/live.can_admins_bypass", true]]);
  });

  it("is unknown when environments are unreadable", () => {
    expect(runCheck(adminsBypassEnvironment, makeFacts({ settings: { environments: null } })).status).toBe(
      "unknown",
    );
  });
});
