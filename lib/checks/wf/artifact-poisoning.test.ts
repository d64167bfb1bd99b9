import { describe, expect, it } from "vitest";
import { lines, runOn } from "../test-kit";
import { artifactPoisoning } from "./artifact-poisoning";

const wf = (download: string, after = "      - run: ./scripts/report.sh\n") => `on:
  workflow_run:
    workflows: [CI]
    types: [completed]
jobs:
  report:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
${download}${after}`;

const dl = (path = "") =>
  `      - uses: actions/download-artifact@v4\n        with:\n          run-id: \${{ github.event.workflow_run.id }}\n          github-token: \${{ github.token }}\n${path}`;

describe("artifact-poisoning", () => {
  it("fails artifacts of the triggering run unpacked over the workspace and executed", () => {
    const o = runOn(artifactPoisoning, wf(dl()));
    expect(o.status).toBe("fail");
    expect(lines(o)).toEqual([10]);
    expect(o.findings[0]?.confidence).toBe("high");
  });
  it("fails `gh run download` into the workspace", () => {
    expect(
      runOn(artifactPoisoning, wf("      - run: gh run download ${{ github.event.workflow_run.id }}\n"))
        .status,
    ).toBe("fail");
  });
  it("passes artifacts kept apart as data, and verified artifacts", () => {
    expect(
      runOn(
        artifactPoisoning,
        wf(
          dl("          path: ${{ runner.temp }}/artifacts\n"),
          "      - run: cat ${{ runner.temp }}/artifacts/report.txt\n",
        ),
      ).status,
    ).toBe("pass");
    expect(
      runOn(
        artifactPoisoning,
        wf(
          dl(),
          "      - run: gh attestation verify out.tgz --owner acme\n      - run: ./scripts/report.sh\n",
        ),
      ).status,
    ).toBe("pass");
  });
  it("is not-applicable without workflow_run or pull_request_target", () => {
    expect(
      runOn(artifactPoisoning, "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: make\n")
        .status,
    ).toBe("not-applicable");
  });
});
