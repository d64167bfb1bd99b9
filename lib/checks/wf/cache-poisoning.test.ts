import { describe, expect, it } from "vitest";
import { cachePoisoning } from "./cache-poisoning";
import { lines, runOn } from "../test-kit";

describe("cache-poisoning", () => {
  const release = (cache: string) =>
    `on:\n  push:\n    tags: ['v*']\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n        with:\n          node-version: 22\n${cache}      - run: npm ci && npm publish\n`;
  it("fails when a publishing job restores a cache", () => {
    const o = runOn(cachePoisoning, release("          cache: npm\n"));
    expect(lines(o)).toEqual([9]);
    expect(o.findings[0]!.confidence).toBe("medium");
  });
  it("passes without caches and is not-applicable without publishing", () => {
    expect(runOn(cachePoisoning, release("")).status).toBe("pass");
    expect(
      runOn(cachePoisoning, release("          cache: npm\n").replace("npm publish", "npm test")).status,
    ).toBe("not-applicable");
  });
});
