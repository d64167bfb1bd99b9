import { describe, expect, it } from "vitest";

import type { Policy } from "../checks/types";
import { makeCheckContext } from "./context";
import { defaultPolicy } from "./default";

const now = new Date("2025-06-01T00:00:00Z");
const withPolicy = (overrides: Partial<Policy>): Policy => ({ ...defaultPolicy, ...overrides });

describe("makeCheckContext", () => {
  it("marks repositories matching criticalRepos as critical", () => {
    const policy = withPolicy({ criticalRepos: ["acme/payments", "acme/*-prod"] });
    expect(makeCheckContext(policy, "acme/payments", now).critical).toBe(true);
    expect(makeCheckContext(policy, "acme/api-prod", now).critical).toBe(true);
    expect(makeCheckContext(policy, "acme/api", now).critical).toBe(false);
    expect(makeCheckContext(defaultPolicy, "acme/payments", now).critical).toBe(false);
  });

  it("passes the clock and the policy through", () => {
    const ctx = makeCheckContext(defaultPolicy, "acme/api", now);
    expect(ctx.now).toBe(now);
    expect(ctx.policy).toBe(defaultPolicy);
  });

  it.each([
    ["production", true],
    ["Production", true],
    ["PROD", true],
    ["live", true],
    ["prod-eu", true],
    ["production_us-east-1", true],
    ["staging", false],
    ["preprod", false],
    ["non-prod", false],
    ["prod2", false],
    ["eu-prod", false],
    ["productions", false],
  ])("default patterns: %s → %s", (name, expected) => {
    expect(makeCheckContext(defaultPolicy, "acme/api", now).isProductionEnvironment(name)).toBe(expected);
  });

  it("honours environments a lead marked as production, per repository", () => {
    const policy = withPolicy({ productionEnvironments: ["acme/api:Deploy-EU", "acme/web-*:release"] });
    expect(makeCheckContext(policy, "acme/api", now).isProductionEnvironment("deploy-eu")).toBe(true);
    expect(makeCheckContext(policy, "acme/other", now).isProductionEnvironment("deploy-eu")).toBe(false);
    expect(makeCheckContext(policy, "acme/web-shop", now).isProductionEnvironment("release")).toBe(true);
  });

  it("uses custom patterns instead of the defaults, and skips invalid ones", () => {
    const policy = withPolicy({ productionEnvironmentPatterns: ["^prd$", "("] });
    const ctx = makeCheckContext(policy, "acme/api", now);
    expect(ctx.isProductionEnvironment("PRD")).toBe(true);
    expect(ctx.isProductionEnvironment("production")).toBe(false);
  });
});
