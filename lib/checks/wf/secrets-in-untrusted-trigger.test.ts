import { describe, expect, it } from "vitest";
import { lines, runOn } from "../test-kit";
import { secretsInUntrustedTrigger } from "./secrets-in-untrusted-trigger";

const prt = (checkoutWith: string, rest = "      - run: npm ci && npm test\n") => `on: pull_request_target
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
${checkoutWith}${rest}`;

describe("secrets-in-untrusted-trigger", () => {
  it("fails when the job running PR code also reads a secret", () => {
    const o = runOn(
      secretsInUntrustedTrigger,
      prt(
        "        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n",
        "      - run: npm ci && npm publish\n        env:\n          NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n",
      ),
    );
    expect(o.status).toBe("fail");
    expect(lines(o)).toEqual([11]);
    expect(o.findings[0]!.message).toContain("NPM_TOKEN");
  });

  it("passes when only GITHUB_TOKEN is used or no PR code runs", () => {
    const head = "        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n";
    expect(
      runOn(
        secretsInUntrustedTrigger,
        prt(head, "      - run: npm test\n        env:\n          GH: ${{ secrets.GITHUB_TOKEN }}\n"),
      ).status,
    ).toBe("pass");
    expect(
      runOn(
        secretsInUntrustedTrigger,
        prt("", "      - run: npm test\n        env:\n          T: ${{ secrets.NPM_TOKEN }}\n"),
      ).status,
    ).toBe("pass");
  });

  it("fails on workflow_run jobs that download PR artifacts, run them and hold secrets", () => {
    const o = runOn(
      secretsInUntrustedTrigger,
      `on:
  workflow_run:
    workflows: [CI]
    types: [completed]
jobs:
  report:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/download-artifact@v4
        with:
          run-id: \${{ github.event.workflow_run.id }}
          github-token: \${{ secrets.GITHUB_TOKEN }}
      - run: bash ./report.sh
        env:
          SLACK: \${{ secrets.SLACK_WEBHOOK }}
`,
    );
    expect(o.status).toBe("fail");
    expect(o.findings[0]!.confidence).toBe("medium");
  });
});
