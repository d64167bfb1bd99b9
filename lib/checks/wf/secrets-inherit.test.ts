import { describe, expect, it } from "vitest";
import { secretsInherit } from "./secrets-inherit";
import { lines, runOn } from "../test-kit";

describe("secrets-inherit", () => {
  it("fails on secrets: inherit, passes on an explicit map", () => {
    const call = (secrets: string) =>
      `on: push\njobs:\n  call:\n    uses: acme/wf/.github/workflows/release.yml@v1\n    secrets:${secrets}\n`;
    const o = runOn(secretsInherit, call(" inherit"));
    expect(lines(o)).toEqual([5]);
    expect(runOn(secretsInherit, call("\n      NPM_TOKEN: ${{ secrets.NPM_TOKEN }}")).status).toBe("pass");
  });
});
