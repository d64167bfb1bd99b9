import { describe, expect, it } from "vitest";
import { insecureCommands } from "./insecure-commands";
import { lines, runOn } from "../test-kit";

describe("insecure-commands", () => {
  it("fails on ACTIONS_ALLOW_UNSECURE_COMMANDS at any level", () => {
    const o = runOn(
      insecureCommands,
      `on: push\nenv:\n  ACTIONS_ALLOW_UNSECURE_COMMANDS: true\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n        env:\n          ACTIONS_ALLOW_UNSECURE_COMMANDS: 'true'\n`,
    );
    expect(lines(o)).toEqual([3, 10]);
    expect(o.findings[0]!.remediation).toContain("GITHUB_ENV");
  });

  it("passes when absent or false", () => {
    expect(
      runOn(
        insecureCommands,
        `on: push\nenv:\n  ACTIONS_ALLOW_UNSECURE_COMMANDS: false\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{run: echo}]\n`,
      ).status,
    ).toBe("pass");
  });
});
