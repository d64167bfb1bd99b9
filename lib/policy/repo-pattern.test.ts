import { describe, expect, it } from "vitest";

import { compileRepoPattern, matchesRepoPattern } from "./repo-pattern";

describe("repo patterns", () => {
  it.each([
    ["acme/payments", "acme/payments", true],
    ["acme/payments", "ACME/Payments", true],
    ["acme/payments", "acme/payments-api", false],
    ["acme/*", "acme/anything", true],
    ["acme/*", "other/anything", false],
    ["acme/*-prod", "acme/api-prod", true],
    ["acme/*-prod", "acme/-prod", true],
    ["acme/*-prod", "acme/api-prod-old", false],
    ["*/*", "x/y", true],
    ["*", "acme/api", false],
    ["acme/pay*ments*", "acme/payments", true],
    ["acme/a*b*c", "acme/abc", true],
    ["acme/a*b*c", "acme/acb", false],
    ["acme/ab*ba", "acme/aba", false],
    ["acme/*", "acme/x/y", false],
  ])("%s vs %s → %s", (pattern, name, expected) => {
    expect(matchesRepoPattern(pattern, name)).toBe(expected);
  });

  it("treats regex metacharacters literally", () => {
    expect(matchesRepoPattern("acme/a.b", "acme/axb")).toBe(false);
    expect(matchesRepoPattern("acme/a.b", "acme/a.b")).toBe(true);
    expect(matchesRepoPattern("acme/(a+)+$", "acme/aaaa")).toBe(false);
  });

  it("matches hostile star patterns in linear time", () => {
    const pattern = `acme/${"a*".repeat(5_000)}b`;
    const name = `acme/${"a".repeat(100_000)}`;
    const matcher = compileRepoPattern(pattern);
    // No wall-clock bound here (it flakes under load): a super-linear regression shows up
    // as this test running into Vitest's timeout, and throughput is `npm run bench`'s job.
    expect(matcher(name)).toBe(false);
    expect(matcher(`${name}b`)).toBe(true);
  });
});
