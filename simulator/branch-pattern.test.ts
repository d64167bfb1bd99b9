import { describe, expect, it } from "vitest";
import { branchPatternMatches, ruleForBranch } from "./branch-pattern";

describe("branch protection patterns (File.fnmatch with FNM_PATHNAME)", () => {
  it.each([
    ["main", "main", true],
    ["main", "main2", false],
    ["ma*", "main", true],
    ["*", "main", true],
    ["*", "release/1.0", false],
    ["release/*", "release/1.0", true],
    ["release/*", "release/1.0/hotfix", false],
    ["release/**/*", "release/1.0/hotfix", true],
    ["release/**/*", "release/1.0", true],
    ["**/*", "a/b/c", true],
    ["releases/v?.?", "releases/v1.2", true],
    ["releases/v?.?", "releases/v1/2", false],
    ["[mb]ain", "main", true],
    ["[mb]ain", "rain", false],
    ["[!m]ain", "main", false],
    ["[!m]ain", "rain", true],
    ["{main,dev}", "main", false],
    ["{main,dev}", "{main,dev}", true],
    ["feat\\*", "feat*", true],
    ["feat\\*", "feature", false],
    ["*", ".hidden", false],
    ["Main", "main", false],
  ])("%s vs %s → %s", (pattern, branch, expected) => {
    expect(branchPatternMatches(pattern, branch)).toBe(expected);
  });

  it("gives an exact-name rule priority, then the oldest matching wildcard rule", () => {
    const rules = [
      { pattern: "*", n: 1 },
      { pattern: "ma*", n: 2 },
      { pattern: "main", n: 3 },
      { pattern: "release/*", n: 4 },
    ];
    expect(ruleForBranch(rules, "main")?.n).toBe(3);
    expect(ruleForBranch(rules, "master")?.n).toBe(1);
    expect(ruleForBranch(rules.slice(1), "master")?.n).toBe(2);
    expect(ruleForBranch(rules, "release/1")?.n).toBe(4);
    expect(ruleForBranch(rules, "feature/x")).toBeUndefined();
  });
});
