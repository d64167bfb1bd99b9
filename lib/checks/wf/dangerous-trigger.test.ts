import { describe, expect, it } from "vitest";
import { lines, runOn } from "../test-kit";
import { dangerousTrigger } from "./dangerous-trigger";

const prt = (checkoutWith: string, rest = "      - run: npm ci && npm test\n") => `on: pull_request_target
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
${checkoutWith}${rest}`;

describe("dangerous-trigger", () => {
  it("fails when pull_request_target checks out the PR head and builds it", () => {
    const o = runOn(
      dangerousTrigger,
      prt("        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n"),
    );
    expect(o.status).toBe("fail");
    expect(lines(o)).toEqual([6]);
    expect(o.findings[0]!.confidence).toBe("high");
    expect(o.findings[0]!.message).toContain("npm ci");
  });

  it("passes when the base ref is checked out (no ref:, or ref: github.sha)", () => {
    expect(runOn(dangerousTrigger, prt("")).status).toBe("pass");
    expect(runOn(dangerousTrigger, prt("        with:\n          ref: ${{ github.sha }}\n")).status).toBe(
      "pass",
    );
  });

  it("passes when the PR head is only read, not executed", () => {
    const o = runOn(
      dangerousTrigger,
      prt(
        "        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n",
        "      - run: |\n          git log -1\n          cat README.md\n",
      ),
    );
    expect(o.status).toBe("pass");
  });

  it("catches refs/pull/N/merge in issue_comment and gh pr checkout", () => {
    const comment = `on: issue_comment
jobs:
  bench:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: refs/pull/\${{ github.event.issue.number }}/merge
      - run: make bench
  other:
    runs-on: ubuntu-latest
    steps:
      - run: gh pr checkout \${{ github.event.issue.number }}
      - run: ./run-tests.sh
`;
    expect(lines(runOn(dangerousTrigger, comment))).toEqual([6, 13]);
  });

  it("is not-applicable without privileged triggers (pull_request runs fork code unprivileged)", () => {
    const o = runOn(
      dangerousTrigger,
      prt("        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n").replace(
        "pull_request_target",
        "pull_request",
      ),
    );
    expect(o.status).toBe("not-applicable");
  });

  it("rates a job guarded against forks as low confidence", () => {
    const guarded = prt("        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n").replace(
      "    runs-on: ubuntu-latest",
      "    if: github.event.pull_request.head.repo.full_name == github.repository\n    runs-on: ubuntu-latest",
    );
    expect(runOn(dangerousTrigger, guarded).findings[0]!.confidence).toBe("low");
  });

  it("rates a computed ref as medium confidence", () => {
    const o = runOn(dangerousTrigger, prt("        with:\n          ref: ${{ steps.pr.outputs.sha }}\n"));
    expect(o.findings[0]!.confidence).toBe("medium");
  });
});
