import { describe, expect, it } from "vitest";
import { githubEnvInjection, insecureCommands, templateInjection } from "./injection";
import { lines, runOn } from "./test-kit";

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

describe("github-env-injection", () => {
  it("fails when an attacker-controlled ref is written to GITHUB_ENV in a privileged trigger", () => {
    const o = runOn(
      githubEnvInjection,
      issues(
        `      - run: |\n          echo "BRANCH=\${{ github.head_ref }}" >> "$GITHUB_ENV"\n`,
        "pull_request_target",
      ),
    );
    expect(o.status).toBe("fail");
    expect(lines(o)).toEqual([7]);
  });

  it("fails through an env var set from attacker data", () => {
    const o = runOn(
      githubEnvInjection,
      issues(
        `      - env:\n          TITLE: \${{ github.event.issue.title }}\n        run: echo "TITLE=$TITLE" >> $GITHUB_ENV\n`,
      ),
    );
    expect(o.status).toBe("fail");
  });

  it("passes for constant values and is not-applicable without privileged triggers", () => {
    expect(
      runOn(githubEnvInjection, issues(`      - run: echo "X=\${{ github.sha }}" >> $GITHUB_ENV\n`)).status,
    ).toBe("pass");
    expect(
      runOn(
        githubEnvInjection,
        issues(`      - run: echo "B=\${{ github.head_ref }}" >> $GITHUB_ENV\n`, "pull_request"),
      ).status,
    ).toBe("not-applicable");
  });

  it("flags file content from a PR artifact written to GITHUB_ENV with medium confidence", () => {
    const o = runOn(
      githubEnvInjection,
      issues(
        `      - uses: actions/download-artifact@v4\n        with:\n          run-id: \${{ github.event.workflow_run.id }}\n      - run: cat pr.env >> $GITHUB_ENV\n`,
        "workflow_run",
      ),
    );
    expect(o.findings[0]!.confidence).toBe("medium");
  });
});

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
