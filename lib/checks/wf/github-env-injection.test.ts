import { describe, expect, it } from "vitest";
import { githubEnvInjection } from "./github-env-injection";
import { lines, runOn } from "../test-kit";

const issues = (steps: string, on = "issues") => `on: ${on}
jobs:
  triage:
    runs-on: ubuntu-latest
    steps:
${steps}`;

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

describe("github-env-injection follows shell variables", () => {
  const wf = (script: string) => `on: pull_request_target
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - env:
          REF: \${{ github.event.pull_request.head.ref }}
        run: |
${script}
`;
  it("fails when a shell variable assigned from a tainted env var is written to GITHUB_ENV", () => {
    const o = runOn(
      githubEnvInjection,
      wf(`          B="$REF"\n          echo "BRANCH=$B" >> "$GITHUB_ENV"`),
    );
    expect(o.status).toBe("fail");
    expect(o.findings[0]?.message).toContain("$B");
  });
  it("passes when the written variable holds a constant", () => {
    const o = runOn(githubEnvInjection, wf(`          B=main\n          echo "BRANCH=$B" >> "$GITHUB_ENV"`));
    expect(o.status).toBe("pass");
  });
});
