import { describe, expect, it } from "vitest";
import { lines, runOn } from "../test-kit";
import { unsoundCondition } from "./unsound-condition";

const wf = (cond: string) => `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - if: ${cond}
        run: deploy
`;

describe("unsound-condition", () => {
  it("fails a block scalar around an expression, pointing at the if:", () => {
    const o = runOn(unsoundCondition, wf("|\n          ${{ github.ref == 'refs/heads/main' }}"));
    expect(o.status).toBe("fail");
    expect(lines(o)).toEqual([6]);
    expect(o.findings[0]?.remediation).toContain("if: ${{ github.ref == 'refs/heads/main' }}");
  });
  it("fails text around the braces and two expressions joined outside them", () => {
    expect(runOn(unsoundCondition, wf('"${{ false }} "')).status).toBe("fail");
    expect(runOn(unsoundCondition, wf("${{ a == 'x' }} && ${{ b == 'y' }}")).status).toBe("fail");
  });
  it("passes a single expression, with or without braces", () => {
    expect(runOn(unsoundCondition, wf("${{ github.ref == 'refs/heads/main' }}")).status).toBe("pass");
    expect(runOn(unsoundCondition, wf("github.ref == 'refs/heads/main'")).status).toBe("pass");
    expect(runOn(unsoundCondition, wf("|\n          github.event_name == 'push'")).status).toBe("pass");
  });
});
