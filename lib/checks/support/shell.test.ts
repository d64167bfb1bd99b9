import { describe, expect, it } from "vitest";
import { parseWorkflow } from "../../analyzers/workflow/parse-workflow";
import { neededScopes, permissionsBlock } from "./permission-table";
import { commandWord, enablesXtrace, printsToLog, readsVar, scriptLines } from "./shell";

function firstJob(text: string) {
  const r = parseWorkflow("ci.yml", text);
  if (!r.ok) throw new Error(r.error);
  return { wf: r.workflow, job: r.workflow.jobs[0]! };
}

describe("shell helpers", () => {
  it("maps block-scalar script lines back to file lines", () => {
    const { wf, job } = firstJob(
      "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: |\n          echo one\n\n          echo ${{ github.sha }}\n      - run: >-\n          echo folded\n          and more\n",
    );
    const l = scriptLines(wf, job.steps[0]!.run!);
    expect(l.map((x) => x.line)).toEqual([7, 8, 9, 10]);
    expect(l[2]!.expressions).toHaveLength(1);
    expect(scriptLines(wf, job.steps[1]!.run!)[0]!.line).toBe(11);
  });

  it("reads variables only as whole names", () => {
    expect(readsVar('echo "$TOKEN"', "TOKEN")).toBe(true);
    expect(readsVar("echo ${TOKEN}", "TOKEN")).toBe(true);
    expect(readsVar("echo $TOKEN_2", "TOKEN")).toBe(false);
    expect(readsVar("Write-Host $env:TOKEN", "TOKEN")).toBe(true);
  });

  it("recognises commands, printing and tracing", () => {
    expect(commandWord("FOO=1 sudo echo hi")).toBe("echo");
    expect(printsToLog('echo "$X"')).toBe(true);
    expect(printsToLog('echo "$X" | base64 -d > f')).toBe(false);
    expect(printsToLog("curl -H $X")).toBe(false);
    expect(enablesXtrace("set -eux")).toBe(true);
    expect(enablesXtrace("set -o xtrace")).toBe(true);
    expect(enablesXtrace("set -euo pipefail")).toBe(false);
    expect(enablesXtrace("set -- -x")).toBe(false);
  });
});

describe("permission table", () => {
  it("derives scopes from actions and commands, contents first", () => {
    const { job } = firstJob(`on: push
jobs:
  a:
    runs-on: x
    steps:
      - uses: docker/login-action@v3
        with: { registry: ghcr.io }
      - run: docker push ghcr.io/acme/api:1
      - uses: actions/github-script@v7
        with:
          script: |
            await github.rest.issues.createComment({ issue_number: 1, body: "hi" })
`);
    expect(permissionsBlock(neededScopes([job]))).toBe(
      "permissions:\n  contents: read\n  issues: write\n  packages: write\n  pull-requests: write",
    );
  });

  it("keeps only contents: read for plain builds", () => {
    const { job } = firstJob(
      "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n",
    );
    expect({ ...neededScopes([job]) }).toEqual({ contents: "read" });
  });
});
