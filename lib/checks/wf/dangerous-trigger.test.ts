import { describe, expect, it } from "vitest";
import { ctx, factsWith, lines, runOn } from "../test-kit";
import { dangerousTrigger } from "./dangerous-trigger";

const prt = (checkoutWith: string, rest = "      - run: npm ci && npm test\n") => `on: pull_request_target
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4.1.1
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

  it("counts the rest of the fetching script as execution, and passes when it only reads", () => {
    const oneStep = (rest: string) => `on: pull_request_target
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: |
          gh pr checkout "$PR"
          ${rest}
`;
    const built = runOn(dangerousTrigger, oneStep("npm ci && npm test"));
    expect(built.status).toBe("fail");
    expect(lines(built)).toEqual([6]);
    expect(built.findings[0]!.confidence).toBe("high");
    expect(runOn(dangerousTrigger, oneStep("git log -1")).status).toBe("pass");
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

describe("dangerous-trigger: checkout v7 protection, issue_comment and workflow_run sources", () => {
  const job = (on: string, checkout: string, extra = "") => `on: ${on}
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: ${checkout}
        with:
          ref: \${{ github.event.pull_request.head.sha }}
${extra}      - run: npm ci && npm test
`;
  it("passes a floating-major or v7 checkout under pull_request_target, with the reason", () => {
    for (const c of ["actions/checkout@v4", "actions/checkout@v7", "actions/checkout@v7.0.1"]) {
      const o = runOn(dangerousTrigger, job("pull_request_target", c));
      expect(o.status, c).toBe("pass");
      expect(o.reason, c).toContain("refuses fork code");
    }
  });
  it("fails an old patch pin, a SHA pin, or allow-unsafe-pr-checkout: true", () => {
    expect(runOn(dangerousTrigger, job("pull_request_target", "actions/checkout@v4.1.1")).status).toBe(
      "fail",
    );
    expect(
      runOn(dangerousTrigger, job("pull_request_target", `actions/checkout@${"a".repeat(40)}`)).status,
    ).toBe("fail");
    const unsafe = job(
      "pull_request_target",
      "actions/checkout@v7",
      "          allow-unsafe-pr-checkout: true\n",
    );
    expect(runOn(dangerousTrigger, unsafe).status).toBe("fail");
  });
  it("fails issue_comment jobs checking out the PR even with checkout v7", () => {
    const o = runOn(
      dangerousTrigger,
      `on: issue_comment
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v7
        with:
          ref: refs/pull/\${{ github.event.issue.number }}/head
      - run: make test
`,
    );
    expect(o.status).toBe("fail");
  });
  const run = (upstreamOn: string) =>
    dangerousTrigger.run(
      factsWith({
        ".github/workflows/ci.yml": `name: CI\non: ${upstreamOn}\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n`,
        ".github/workflows/after.yml": `on:
  workflow_run:
    workflows: [CI]
    types: [completed]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@${"b".repeat(40)}
        with:
          ref: \${{ github.event.workflow_run.head_sha }}
      - run: make test
`,
      }),
      ctx,
    );
  it("passes workflow_run after same-repo workflows that never run on pull requests, and says why", () => {
    const o = run("push");
    expect(o.status).toBe("pass");
    expect(o.reason).toContain("never run on pull-request events");
  });
  it("fails workflow_run after a workflow that runs on pull_request", () => {
    expect(run("[push, pull_request]").status).toBe("fail");
  });
});
