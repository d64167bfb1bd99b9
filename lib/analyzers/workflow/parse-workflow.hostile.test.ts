import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseWorkflow } from "./parse-workflow";

const BOMB = `on: push
x:
  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
  e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
  f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
  g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
jobs:
  j:
    runs-on: ubuntu-latest
    strategy: { matrix: { x: *g } }
    steps: [{ run: echo }]
`;

describe("parseWorkflow on hostile input", () => {
  it("stops an alias bomb quickly with an error result", () => {
    // No wall-clock bound here (it flakes under load): a super-linear regression shows up
    // as this test running into Vitest's timeout, and throughput is `npm run bench`'s job.
    const r = parseWorkflow("a.yml", BOMB);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/alias|nodes/);
  });

  it("still resolves ordinary anchors", () => {
    const r = parseWorkflow(
      "a.yml",
      "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: &s\n      - run: make\n  b:\n    runs-on: ubuntu-latest\n    steps: *s\n",
    );
    expect(r.ok && r.workflow.jobs[1]!.steps[0]!.run?.value).toBe("make");
  });

  it("refuses a 10 MB file without parsing it", () => {
    // No wall-clock bound here (it flakes under load): a super-linear regression shows up
    // as this test running into Vitest's timeout, and throughput is `npm run bench`'s job.
    const r = parseWorkflow("a.yml", "on: push\njobs: {}\n# " + "x".repeat(10 * 1024 * 1024));
    expect(r).toMatchObject({ ok: false });
  });

  it("refuses deep flow nesting and deep block nesting without throwing", () => {
    const flow = parseWorkflow("a.yml", "on: push\njobs:\n  j: " + "[".repeat(100_000) + "]".repeat(100_000));
    expect(flow).toMatchObject({ ok: false, line: 3 });
    let block = "on: push\njobs:\n  j:\n    runs-on: x\n    strategy:\n      matrix:\n";
    let ind = "        ";
    for (let i = 0; i < 200; i++) {
      block += `${ind}k:\n`;
      ind += " ";
    }
    const r = parseWorkflow("a.yml", block + `${ind}v: 1\n`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/nesting/);
  });

  it("keeps __proto__ keys as data and pollutes nothing", () => {
    const r = parseWorkflow(
      "a.yml",
      `on:
  __proto__: { polluted: true }
  push: {}
jobs:
  __proto__:
    runs-on: ubuntu-latest
    env: { __proto__: x, constructor: y }
    steps:
      - run: echo
        with: { __proto__: { polluted: 1 } }
`,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    const job = r.workflow.jobs[0]!;
    expect(job.id).toBe("__proto__");
    expect(Object.keys(job.env)).toEqual(["__proto__", "constructor"]);
    expect(job.env["__proto__"]?.value).toBe("x");
    expect(Object.getPrototypeOf(job.steps[0]!.with)).toBeNull();
    expect(r.workflow.triggers[0]!.event).toBe("__proto__");
  });

  it("returns line-numbered errors for malformed YAML and non-workflows", () => {
    expect(parseWorkflow("a.yml", "on: push\njobs:\n  a: [\n")).toMatchObject({ ok: false });
    expect(parseWorkflow("a.yml", "on: push\non: pull_request\njobs: {}\n")).toMatchObject({
      ok: false,
      line: 2,
    });
    expect(parseWorkflow("a.yml", "- a\n")).toMatchObject({ ok: false, error: "top level is not a mapping" });
    expect(parseWorkflow("a.yml", "")).toMatchObject({ ok: false });
    expect(parseWorkflow("a.yml", "jobs: {}\n")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/on:/),
    });
    expect(parseWorkflow("a.yml", "on: push\n---\non: push\n")).toMatchObject({ ok: false });
  });

  it("never throws on unparsable expressions and still reports their contexts", () => {
    const r = parseWorkflow(
      "a.yml",
      "on: push\njobs:\n  j:\n    runs-on: x\n    steps:\n      - run: echo ${{ github.event.issue.title ) }}\n",
    );
    expect(r.ok).toBe(true);
    const e = r.ok ? r.workflow.jobs[0]!.steps[0]!.run!.expressions[0] : undefined;
    expect(e?.error).toBeTruthy();
    expect(e?.contexts).toEqual(["github.event.issue.title"]);
  });
});

const CORPUS = path.join(__dirname, "__fixtures__", "corpus");
const files = readdirSync(CORPUS, { recursive: true, encoding: "utf8" }).filter((f) => /\.ya?ml$/.test(f));

describe("real-world corpus", () => {
  it("has the copied corpus", () => expect(files.length).toBeGreaterThanOrEqual(150));

  it("parses every workflow, with expression positions pointing at `${{`", () => {
    for (const f of files) {
      const r = parseWorkflow(f, readFileSync(path.join(CORPUS, f), "utf8"));
      expect(r.ok, `${f}: ${r.ok ? "" : r.error}`).toBe(true);
      if (!r.ok) continue;
      expect(r.workflow.jobs.length, f).toBeGreaterThan(0);
      for (const step of r.workflow.jobs.flatMap((j) => j.steps)) {
        for (const e of step.run?.expressions ?? [])
          expect(r.workflow.lines[e.pos.line - 1]!.slice(e.pos.column - 1).startsWith("${{"), f).toBe(true);
      }
    }
  });
});
