import { describe, expect, it } from "vitest";
import { templateInjection } from "./template-injection";
import { ctx, factsWith, lines, runOn } from "../test-kit";

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

  it("flags inputs that other actions run as code (yq's cmd, azure/cli's inlineScript)", () => {
    const o = runOn(
      templateInjection,
      issues(
        `      - uses: mikefarah/yq@v4\n        with:\n          cmd: \${{ github.event.issue.title }}\n      - uses: azure/cli@v2\n        with:\n          inlineScript: |\n            az group show -n "\${{ github.event.issue.body }}"\n`,
      ),
    );
    expect(lines(o)).toEqual([8, 12]);
    expect(o.findings[0]!.message).toContain("mikefarah/yq `cmd:`");
    expect(o.findings[1]!.message).toContain("azure/cli `inlineScript:`");
    // Only the input that is code: yq's other inputs are data.
    const data = runOn(
      templateInjection,
      issues(
        `      - uses: mikefarah/yq@v4\n        with:\n          expression: \${{ github.event.issue.title }}\n`,
      ),
    );
    expect(data.status).toBe("pass");
    // Owners are matched case-insensitively, as GitHub resolves them.
    const pwsh = runOn(
      templateInjection,
      issues(
        `      - uses: Amadevus/pwsh-script@v2\n        with:\n          script: Write-Host "\${{ github.event.issue.title }}"\n`,
      ),
    );
    expect(lines(pwsh)).toEqual([8]);
    expect(pwsh.findings[0]!.remediation).toContain("$env:ISSUE_TITLE");
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

describe("template-injection follows data, not names", () => {
  it("follows a step output written from a tainted env var through a shell variable", () => {
    const o = runOn(
      templateInjection,
      issues(`      - id: t
        env:
          TITLE: \${{ github.event.issue.title }}
        run: |
          CLEAN="$TITLE"
          echo "title=$CLEAN" >> "$GITHUB_OUTPUT"
      - run: echo "\${{ steps.t.outputs.title }}"`),
    );
    expect(o.status).toBe("fail");
    expect(o.findings[0]?.message).toContain("github.event.issue.title");
    expect(o.findings[0]?.message).toContain("steps.t.outputs.title");
  });

  it("passes a step output written from a constant", () => {
    const o = runOn(
      templateInjection,
      issues(`      - id: t
        env:
          TITLE: \${{ github.event.issue.title }}
        run: echo "n=$(echo 3)" >> "$GITHUB_OUTPUT"
      - run: echo "\${{ steps.t.outputs.n }}"`),
    );
    expect(o.status).toBe("pass");
  });

  it("follows job outputs into needs.<job>.outputs", () => {
    const wf = `on: issue_comment
jobs:
  a:
    runs-on: ubuntu-latest
    outputs:
      body: \${{ steps.s.outputs.body }}
    steps:
      - id: s
        run: echo "body=\${{ github.event.comment.body }}" >> $GITHUB_OUTPUT
  b:
    needs: a
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ needs.a.outputs.body }}"
`;
    const o = runOn(templateInjection, wf);
    expect(lines(o)).toEqual([9, 14]);
    expect(o.findings.some((f) => f.message.includes("needs.a.outputs.body"))).toBe(true);
  });

  it("follows a matrix built with fromJSON of event text", () => {
    const wf = (src: string) => `on: issue_comment
jobs:
  a:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        target: \${{ fromJSON(${src}) }}
    steps:
      - run: make \${{ matrix.target }}
`;
    expect(runOn(templateInjection, wf("github.event.comment.body")).status).toBe("fail");
    expect(runOn(templateInjection, wf('\'["a","b"]\'')).status).toBe("pass");
  });

  it("judges dispatch inputs by declared type, not by name", () => {
    const wf = (type: string) => `on:
  workflow_dispatch:
    inputs:
      name:
        type: ${type}
${type === "choice" ? "        options: [a, b]\n" : ""}jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ inputs.name }} \${{ github.event.inputs.name }}"
`;
    for (const t of ["boolean", "number", "choice"])
      expect(runOn(templateInjection, wf(t)).status, t).toBe("pass");
    const s = runOn(templateInjection, wf("string"));
    expect(s.status).toBe("fail");
    expect(s.findings[0]?.confidence).toBe("medium");
  });

  it("taints workflow_call inputs only when a same-repo caller fills them from untrusted data", () => {
    const callee = `on:
  workflow_call:
    inputs:
      title: { type: string }
jobs:
  r:
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ inputs.title }}"
`;
    const caller = (v: string) => `on: issues
jobs:
  call:
    uses: ./.github/workflows/reusable.yml
    with:
      title: ${v}
`;
    const run = (v: string) =>
      templateInjection.run(
        factsWith({ ".github/workflows/reusable.yml": callee, ".github/workflows/ci.yml": caller(v) }),
        ctx,
      );
    const bad = run("${{ github.event.issue.title }}");
    expect(bad.status).toBe("fail");
    expect(bad.findings[0]?.evidence).toMatchObject({ file: ".github/workflows/reusable.yml", line: 9 });
    expect(run("${{ github.event.issue.number }}").status).toBe("pass");
  });

  it("taints a local composite action's inputs filled from untrusted data", () => {
    const action = `name: greet
inputs:
  who: { required: true }
runs:
  using: composite
  steps:
    - shell: bash
      run: echo "hello \${{ inputs.who }}"
`;
    const caller = `on: pull_request_target
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: ./.github/actions/greet
        with:
          who: \${{ github.event.pull_request.title }}
`;
    const o = templateInjection.run(
      factsWith({ ".github/actions/greet/action.yml": action, ".github/workflows/ci.yml": caller }),
      ctx,
    );
    expect(o.status).toBe("fail");
    expect(o.findings[0]?.evidence).toMatchObject({ file: ".github/actions/greet/action.yml" });
  });

  it("treats a composite action no workflow here calls as published: any caller decides its inputs", () => {
    const action = `name: greet
inputs:
  who: { required: true }
runs:
  using: composite
  steps:
    - shell: bash
      run: echo "hello \${{ inputs.who }}"
`;
    const published = templateInjection.run(factsWith({ "action.yml": action }), ctx);
    expect(published.status).toBe("fail");
    expect(published.findings[0]).toMatchObject({ confidence: "low", severity: "high" });
    expect(published.findings[0]?.message).toMatch(/any caller of this published action/);
    // Called here with a constant, the same action is internal and its input is safe.
    const caller = `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: ./
        with:
          who: world
`;
    const internal = templateInjection.run(
      factsWith({ "action.yml": action, ".github/workflows/ci.yml": caller }),
      ctx,
    );
    expect(internal.status).toBe("pass");
  });

  it("sees steps nested in parallel step groups", () => {
    const o = runOn(
      templateInjection,
      issues(`      - parallel:
          - run: echo ok
          - run: echo "\${{ github.event.issue.title }}"`),
    );
    expect(o.status).toBe("fail");
    expect(lines(o)).toEqual([8]);
  });
});
