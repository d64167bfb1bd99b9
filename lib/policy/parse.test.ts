import { describe, expect, it } from "vitest";

import example from "./__fixtures__/policy.example.json";
import { makeCheckContext } from "./context";
import { defaultPolicy } from "./default";
import { activeException } from "./exceptions";
import { PolicyParseError, parsePolicy, safeParsePolicy } from "./parse";

const exception = {
  id: "EX-1",
  checkId: "signed-commits",
  repo: "acme/legacy-*",
  justification: "Legacy mirror, commits come from an import bot",
  approver: "security-lead@acme.test",
  expiresAt: "2026-06-30T00:00:00Z",
};

describe("parsePolicy", () => {
  it("fills every default from a bare versioned document", () => {
    expect(parsePolicy({ version: 1 })).toEqual(defaultPolicy);
  });

  it("keeps partial weights and fills the rest", () => {
    const policy = parsePolicy({ version: 1, weights: { critical: 20 } });
    expect(policy.weights).toEqual({ critical: 20, high: 7.5, medium: 5, low: 2.5 });
  });

  it("accepts a complete policy", () => {
    const input = {
      version: 1,
      weights: { critical: 10, high: 7.5, medium: 5, low: 2.5 },
      criticalRepos: ["acme/payments", "acme/*-prod"],
      productionEnvironmentPatterns: ["^prd$"],
      productionEnvironments: ["acme/api:deploy"],
      exceptions: [exception],
    };
    expect(parsePolicy(input)).toEqual(input);
  });

  it("lists every problem with its path", () => {
    const result = safeParsePolicy({
      version: 2,
      weights: { high: 0 },
      criticalRepos: ["payments"],
      exceptions: [{ ...exception, checkId: "Signed Commits", expiresAt: "next year" }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^version: unsupported policy version/),
        expect.stringMatching(/^weights\.high: /),
        expect.stringMatching(/^criticalRepos\[0\]: must be "owner\/repo"/),
        expect.stringMatching(/^exceptions\[0\]\.checkId: /),
        expect.stringMatching(/^exceptions\[0\]\.expiresAt: must be an ISO-8601 date-time/),
      ]),
    );
  });

  it("rejects unknown keys so typos do not silently drop settings", () => {
    expect(() => parsePolicy({ version: 1, criticalRepo: ["acme/x"] })).toThrow(/Unrecognized key/);
  });

  it("rejects duplicate exception ids", () => {
    expect(() => parsePolicy({ version: 1, exceptions: [exception, exception] })).toThrow(
      /duplicate exception id "EX-1"/,
    );
  });

  it("requires a justification and an approver", () => {
    const result = safeParsePolicy({
      version: 1,
      exceptions: [{ ...exception, justification: "ok", approver: " " }],
    });
    expect(result.ok ? [] : result.errors).toHaveLength(2);
  });

  it("rejects invalid and catastrophic-backtracking environment regexes", () => {
    const result = safeParsePolicy({
      version: 1,
      productionEnvironmentPatterns: ["(", "^(a+)+$", "^(prod|live)$"],
    });
    expect(result.ok ? [] : result.errors).toEqual([
      expect.stringMatching(/^productionEnvironmentPatterns\[0\]: not a valid regular expression/),
      expect.stringMatching(/^productionEnvironmentPatterns\[1\]: rejected: nested/),
    ]);
  });

  it("throws a PolicyParseError carrying the issues", () => {
    try {
      parsePolicy("version: 1");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PolicyParseError);
      expect((error as PolicyParseError).issues).toEqual([
        "(policy): Invalid input: expected object, received string",
      ]);
    }
  });
});

describe("example policy", () => {
  it("parses and drives context and exceptions end to end", () => {
    const policy = parsePolicy(example);
    const ctx = makeCheckContext(policy, "acme/checkout-prod", new Date("2025-06-01T00:00:00Z"));
    expect(ctx.critical).toBe(true);
    expect(ctx.isProductionEnvironment("eu-prod")).toBe(true);
    expect(
      activeException(policy, "signed-commits", "acme/legacy-billing", new Date("2025-09-29T00:00:00Z"))?.id,
    ).toBe("EX-2025-001");
    expect(
      activeException(policy, "signed-commits", "acme/legacy-billing", new Date("2025-10-01T00:00:00Z")),
    ).toBeNull();
  });
});
