import { describe, expect, it } from "vitest";
import { templateInjection } from "./template-injection";
import { lines, runOn } from "../test-kit";

const issues = (steps: string, on = "issues") => `on: ${on}
jobs:
  triage:
    runs-on: ubuntu-latest
    steps:
${steps}`;

describe("template-injection", () => {
  it("fails when an issue title is expanded in run:, pointing at the expression", () => {
    const o = runOn(templateInjection, issues(`      - run: echo "\${{ github.event.issue.title }}"\n`));
    expect(o.status).toBe("fail");
    expect(lines(o)).toEqual([6]);
    expect(o.findings[0]!.evidence).toMatchObject({
      kind: "file",
      file: ".github/workflows/ci.yml",
      column: 20,
    });
    expect(o.findings[0]!.remediation).toContain("ISSUE_TITLE: ${{ github.event.issue.title }}");
    expect(o.findings[0]!.remediation).toContain('"$ISSUE_TITLE"');
    expect(o.findings[0]!.severity).toBeUndefined(); // critical: issues is a privileged trigger
  });

  it("flags head.ref but not the pull request number", () => {
    const o = runOn(
      templateInjection,
      issues(
        `      - run: |\n          echo \${{ github.event.pull_request.number }}\n          git checkout \${{ github.event.pull_request.head.ref }}\n`,
        "pull_request_target",
      ),
    );
    expect(lines(o)).toEqual([8]);
    expect(o.findings[0]!.message).toContain("github.event.pull_request.head.ref");
  });

  it("treats env-var indirection read as $VAR in shell as safe", () => {
    const o = runOn(
      templateInjection,
      issues(`      - env:\n          T: \${{ github.event.issue.title }}\n        run: echo "$T"\n`),
    );
    expect(o.status).toBe("pass");
  });

  it("follows env indirection when the variable is expanded with \${{ env.X }}", () => {
    const o = runOn(
      templateInjection,
      issues(
        `      - env:\n          T: \${{ github.event.issue.title }}\n        run: echo "\${{ env.T }}"\n`,
      ),
    );
    expect(o.status).toBe("fail");
    expect(o.findings[0]!.message).toContain("via env.T");
    expect(o.findings[0]!.remediation).toContain('with `"$T"`');
  });

  it("flags github-script with a comment body in script:", () => {
    const o = runOn(
      templateInjection,
      issues(
        `      - uses: actions/github-script@v7\n        with:\n          script: |\n            const body = "\${{ github.event.comment.body }}";\n`,
        "issue_comment",
      ),
    );
    expect(o.status).toBe("fail");
    expect(lines(o)).toEqual([9]);
    expect(o.findings[0]!.remediation).toContain("process.env.COMMENT_BODY");
  });

  it("ignores attacker data reduced to a boolean and attacker data in with: of other actions", () => {
    const o = runOn(
      templateInjection,
      issues(
        `      - run: echo \${{ contains(github.event.issue.title, 'bug') }}\n      - uses: some/action@v1\n        with:\n          title: \${{ github.event.issue.title }}\n`,
      ),
    );
    expect(o.status).toBe("pass");
  });

  it("lowers severity on trusted-only triggers", () => {
    const o = runOn(
      templateInjection,
      issues(`      - run: echo "\${{ github.event.head_commit.message }}"\n`, "push"),
    );
    expect(o.findings[0]!.severity).toBe("medium");
  });

  it("is not-applicable without workflows and unknown on an unparsable one", () => {
    expect(runOn(templateInjection, "on: push\njobs: {}\n", { files: [] }).status).toBe("not-applicable");
    const bad = runOn(templateInjection, "on: push\njobs:\n  a: [\n");
    expect(bad.status).toBe("unknown");
    expect(bad.reason).toContain("ci.yml");
  });
});
