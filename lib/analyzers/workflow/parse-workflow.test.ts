import { describe, expect, it } from "vitest";
import type { Workflow } from "./model";
import { parseWorkflow } from "./parse-workflow";

function wf(text: string, path = ".github/workflows/ci.yml"): Workflow {
  const r = parseWorkflow(path, text);
  if (!r.ok) throw new Error(`expected ok, got ${r.error} at ${r.line}`);
  return r.workflow;
}

const BASIC = `name: CI
on:
  pull_request_target:
    types: [opened]
permissions:
  contents: read
  pull-requests: write
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          persist-credentials: false
      - name: Greet
        id: greet
        if: github.event.pull_request.number > 0
        run: |
          echo "title"
          echo "\${{ github.event.pull_request.title }}" and \${{ secrets.TOKEN }}
`;

describe("parseWorkflow positions and structure", () => {
  it("keeps 1-based line/column of jobs, steps, scalars and expressions", () => {
    const w = wf(BASIC);
    expect(w.name).toBe("CI");
    const job = w.jobs[0]!;
    expect(job.id).toBe("build");
    expect(job.pos).toEqual({ line: 9, column: 3 });
    expect(job.runsOn[0]).toMatchObject({ value: "ubuntu-latest", pos: { line: 10, column: 14 } });
    const [checkout, greet] = job.steps;
    expect(checkout!.pos.line).toBe(12);
    expect(checkout!.uses?.value).toBe("actions/checkout@v4");
    expect(checkout!.with["persist-credentials"]?.value).toBe("false");
    expect(greet!.id).toBe("greet");
    const exprs = greet!.run!.expressions;
    expect(exprs.map((e) => e.contexts[0])).toEqual(["github.event.pull_request.title", "secrets.TOKEN"]);
    expect(exprs[0]!.pos).toEqual({ line: 20, column: 17 });
    expect(w.lines[exprs[1]!.pos.line - 1]!.slice(exprs[1]!.pos.column - 1)).toMatch(
      /^\$\{\{ secrets\.TOKEN/,
    );
  });

  it("treats a bare `if:` as an expression", () => {
    const step = wf(BASIC).jobs[0]!.steps[1]!;
    expect(step.if?.expressions[0]?.contexts).toEqual(["github.event.pull_request.number"]);
    expect(step.if?.expressions[0]?.valueContexts).toEqual([]);
  });

  it("reads triggers in string, list and map form", () => {
    expect(wf("on: push\njobs: {}\n").triggers.map((t) => t.event)).toEqual(["push"]);
    const list = wf("on: [push, pull_request]\njobs: {}\n").triggers;
    expect(list.map((t) => [t.event, t.pos.line, t.pos.column])).toEqual([
      ["push", 1, 6],
      ["pull_request", 1, 12],
    ]);
    const map = wf(
      "on:\n  push:\n    branches: [main]\n  workflow_run:\n    workflows: [CI]\n    types: [completed]\njobs: {}\n",
    ).triggers;
    expect(map.map((t) => t.event)).toEqual(["push", "workflow_run"]);
    expect(map[0]!.config["branches"]).toEqual(["main"]);
    expect(map[1]!.pos).toEqual({ line: 4, column: 3 });
  });

  it("reads permissions as read-all, write-all, scopes and empty map", () => {
    expect(wf("on: push\npermissions: write-all\njobs: {}\n").permissions).toMatchObject({
      kind: "all",
      level: "write-all",
    });
    expect(wf("on: push\npermissions: read-all\njobs: {}\n").permissions).toMatchObject({
      kind: "all",
      level: "read-all",
    });
    const scoped = wf(BASIC).permissions;
    expect(scoped?.kind === "scopes" && { ...scoped.scopes }).toEqual({
      contents: "read",
      "pull-requests": "write",
    });
    const empty = wf("on: push\npermissions: {}\njobs: {}\n").permissions;
    expect(empty?.kind === "scopes" && Object.keys(empty.scopes)).toEqual([]);
    expect(wf("on: push\njobs: {}\n").permissions).toBeUndefined();
  });

  it("reads reusable workflow calls with secrets: inherit or a secrets map", () => {
    const w = wf(`on: push
jobs:
  call:
    uses: org/repo/.github/workflows/deploy.yml@main
    with: { env: prod }
    secrets: inherit
  call2:
    uses: ./.github/workflows/x.yml
    secrets:
      TOKEN: \${{ secrets.DEPLOY_TOKEN }}
`);
    const [a, b] = w.jobs;
    expect(a!.uses?.value).toBe("org/repo/.github/workflows/deploy.yml@main");
    expect(a!.secrets).toEqual({ inherit: true, pos: { line: 6, column: 14 } });
    expect(a!.with["env"]?.value).toBe("prod");
    expect(b!.secrets?.inherit).toBe(false);
    if (b!.secrets && !b!.secrets.inherit)
      expect(b!.secrets.values["TOKEN"]?.expressions[0]?.contexts).toEqual(["secrets.DEPLOY_TOKEN"]);
  });

  it("reads matrices, containers, services, environments and runs-on forms", () => {
    const w = wf(`on: push
jobs:
  t:
    runs-on: [self-hosted, linux]
    environment: { name: production, url: "https://x" }
    needs: build
    strategy:
      matrix:
        node: [18, 20]
        include: [{ node: 22, experimental: true }]
    container:
      image: node:20
      credentials: { username: u, password: hunter2 }
      options: --privileged
    services:
      db: postgres:16
      cache: { image: "redis@sha256:abc", volumes: ["/var/run/docker.sock:/var/run/docker.sock"] }
    steps:
      - run: echo \${{ matrix.node }}
  g:
    runs-on: { group: big, labels: [gpu] }
    environment: staging
    steps: []
`);
    const [t, g] = w.jobs;
    expect(t!.runsOn.map((r) => r.value)).toEqual(["self-hosted", "linux"]);
    expect(t!.environment?.name.value).toBe("production");
    expect(t!.environment?.url?.value).toBe("https://x");
    expect(t!.needs).toEqual(["build"]);
    expect(t!.strategy?.matrix).toEqual({ node: [18, 20], include: [{ node: 22, experimental: true }] });
    expect(t!.container?.image.value).toBe("node:20");
    expect(t!.container?.credentialsPassword?.value).toBe("hunter2");
    expect(t!.container?.options?.value).toBe("--privileged");
    expect(t!.services["db"]?.image.value).toBe("postgres:16");
    expect(t!.services["cache"]?.volumes?.[0]?.value).toContain("docker.sock");
    expect(t!.steps[0]!.run!.expressions[0]!.contexts).toEqual(["matrix.node"]);
    expect(g!.runsOn.map((r) => r.value)).toEqual(["big", "gpu"]);
    expect(g!.environment?.name.value).toBe("staging");
  });

  it("extracts context paths through the expression AST", () => {
    const w = wf(`on: push
jobs:
  j:
    runs-on: ubuntu-latest
    env:
      ALL: \${{ toJSON(secrets) }}
      DYN: \${{ secrets[format('{0}_KEY', matrix.env)] }}
      CMP: \${{ github.event.issue.title == 'x' && 'yes' || 'no' }}
      OUT: "\${{ steps.s.outputs.o }}-\${{ inputs.x }}-\${{ env.Y }}"
      LIT: "\${{ '}}' }}"
    steps: [{ run: "echo" }]
`);
    const env = w.jobs[0]!.env;
    expect(env["ALL"]!.expressions[0]!.contexts).toEqual(["secrets"]);
    expect(env["DYN"]!.expressions[0]!.contexts.sort()).toEqual(["matrix.env", "secrets[computed]"]);
    expect(env["CMP"]!.expressions[0]!.valueContexts).toEqual([]);
    expect(env["OUT"]!.expressions.map((e) => e.contexts[0])).toEqual([
      "steps.s.outputs.o",
      "inputs.x",
      "env.Y",
    ]);
    expect(env["LIT"]!.expressions.map((e) => e.expr)).toEqual(["'}}'"]);
  });

  it("parses a composite action as one pseudo-job", () => {
    const w = wf(
      `name: setup
runs:
  using: composite
  steps:
    - run: echo \${{ inputs.name }}
      shell: bash
`,
      "action.yml",
    );
    expect(w.kind).toBe("composite-action");
    expect(w.using).toBe("composite");
    expect(w.jobs).toHaveLength(1);
    expect(w.jobs[0]!.steps[0]!.shell).toBe("bash");
    expect(w.jobs[0]!.steps[0]!.run!.expressions[0]!.contexts).toEqual(["inputs.name"]);
    const node = wf("runs:\n  using: node20\n  main: index.js\n", "sub/action.yaml");
    expect(node.jobs).toEqual([]);
    expect(node.using).toBe("node20");
  });
});
