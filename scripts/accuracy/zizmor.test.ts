import { describe, expect, it } from "vitest";
import { checkById } from "@/lib/checks/catalogue";
import {
  SHARED_AUDITS,
  anchorLine,
  inWorkflowLevelBlock,
  matches,
  nodeEnd,
  scoreAudits,
  unitOf,
  zizmorIgnored,
} from "./zizmor-match";
import { parseSnapshot, parseTestFile, snapBody } from "./zizmor-parse";

// Small hand-written stand-ins for zizmor's test files, in the shapes its tests use.
const RS = `use crate::common::{input_under_test, zizmor};

#[test]
fn test_inline_raw() -> Result<()> {
    insta::assert_snapshot!(
        zizmor()
            .input(input_under_test(
                "demo/one.yml"
            ))
            .run()?,
        @r#"
    error[demo-audit]: something "quoted"
      --> @@INPUT@@:12:7
       |
    12 |       run: x
       |
    warning[other-audit]: else
     --> @@INPUT@@:3:1
    "#
    );
    Ok(())
}

#[test]
fn test_clean() -> Result<()> {
    insta::assert_snapshot!(
        zizmor().input(input_under_test("demo/two.yml")).run()?,
        @"No findings to report. Good job! (2 suppressed)"
    );
    Ok(())
}

#[test]
fn test_auditor() -> Result<()> {
    insta::assert_snapshot!(
        zizmor()
            .input(input_under_test("demo/three.yml"))
            .args(["--persona=auditor"])
            .run()?,
        @"No findings to report. Good job!"
    );
    Ok(())
}

#[test]
fn test_from_snap() -> Result<()> {
    insta::assert_snapshot!(zizmor().input(input_under_test("demo/dir",)).run()?);
    insta::assert_snapshot!(zizmor().input(input_under_test("demo/four.yml")).args(["--min-severity=high"]).run()?);
    Ok(())
}
`;

const SNAP = `---
source: crates/zizmor/tests/integration/audit/demo.rs
expression: "zizmor().input(input_under_test(\\"demo/dir\\")).run()?"
---
help[demo-audit]: from a snap file
  --> @@INPUT@@/.github/workflows/a.yml:5:3
`;

describe("parseTestFile", () => {
  const cases = parseTestFile("demo.rs", RS, (name) => (name === "demo__from_snap" ? SNAP : undefined));

  it("reads inputs and findings from inline raw snapshots", () => {
    expect(cases[0]).toEqual({
      name: "demo.rs::test_inline_raw",
      inputs: ["demo/one.yml"],
      skip: null,
      findings: [
        { audit: "demo-audit", path: "@@INPUT@@", line: 12, source: "run: x" },
        { audit: "other-audit", path: "@@INPUT@@", line: 3 },
      ],
    });
  });

  it("reads a clean snapshot as no expected findings", () => {
    expect(cases[1]).toMatchObject({ inputs: ["demo/two.yml"], skip: null, findings: [] });
  });

  it("skips non-default personas and severity filters, saying why", () => {
    expect(cases[2]?.skip).toBe("non-default persona");
    expect(cases[4]).toMatchObject({
      name: "demo.rs::test_from_snap#2",
      skip: "severity/confidence filter",
    });
  });

  it("reads a test's snapshot from its .snap file when it is not inline", () => {
    expect(cases[3]).toMatchObject({
      name: "demo.rs::test_from_snap#1",
      inputs: ["demo/dir"],
      skip: null,
      findings: [{ audit: "demo-audit", path: "@@INPUT@@/.github/workflows/a.yml", line: 5 }],
    });
  });

  it("skips a test whose .snap file is missing", () => {
    const [only] = parseTestFile(
      "x.rs",
      '#[test]\nfn test_gone() { insta::assert_snapshot!(zizmor().input(input_under_test("x.yml")).run()?); }',
      () => undefined,
    );
    expect(only?.skip).toBe("snapshot x__gone.snap not found");
  });
});

describe("snapshot text", () => {
  it("drops the .snap front matter", () => {
    expect(snapBody("---\nsource: a\n---\nNo findings\n")).toBe("No findings\n");
  });

  it("keeps the quoted source line without the span gutter", () => {
    const text = "error[a]: x\n  --> @@INPUT@@:7:3\n   |\n 6 | on: push\n 7 | / run: |\n 8 | |   echo\n";
    expect(parseSnapshot(text)).toEqual([{ audit: "a", path: "@@INPUT@@", line: 7, source: "run: |" }]);
  });

  it("needs the --> location after the header", () => {
    expect(parseSnapshot("error[a]: x\n\nno location here\n\n\n")).toEqual([]);
    expect(parseSnapshot("info[b-c]: y\n   --> @@INPUT@@:100:2\n")).toEqual([
      { audit: "b-c", path: "@@INPUT@@", line: 100 },
    ]);
  });
});

describe("matching", () => {
  const e = { check: "template-injection", file: "w.yml", line: 10, workflowLevel: false };

  it("matches the same check and file within one line", () => {
    expect(matches({ check: "template-injection", file: "w.yml", line: 11 }, e)).toBe(true);
    expect(matches({ check: "template-injection", file: "w.yml", line: 9 }, e)).toBe(true);
    expect(matches({ check: "template-injection", file: "w.yml", line: 12 }, e)).toBe(false);
    expect(matches({ check: "cache-poisoning", file: "w.yml", line: 10 }, e)).toBe(false);
    expect(matches({ check: "template-injection", file: "x.yml", line: 10 }, e)).toBe(false);
  });

  it("lets a file-level finding match only a trigger/permissions-level expectation", () => {
    const g = { check: "template-injection", file: "w.yml", line: null };
    expect(matches(g, e)).toBe(false);
    expect(matches(g, { ...e, workflowLevel: true })).toBe(true);
  });

  it("matches a finding anywhere in the node the other tool points at", () => {
    const run = { ...e, line: 10, end: 13 };
    expect(matches({ check: "template-injection", file: "w.yml", line: 12 }, run)).toBe(true);
    expect(matches({ check: "template-injection", file: "w.yml", line: 15 }, run)).toBe(false);
    const step = { check: "template-injection", file: "w.yml", line: 8, end: 11 };
    expect(matches(step, { ...e, line: 11 })).toBe(true);
  });

  it("finds the job a line outside steps is in", () => {
    const wf = [
      "on: push", // 1
      "jobs:", // 2
      "  call:", // 3
      "    uses: o/r/.github/workflows/w.yml@main", // 4
      "    # inherits everything", // 5
      "    secrets: inherit", // 6
      "  build:", // 7
      "    steps:", // 8
      "      - name: a", // 9
      "        run: |", // 10
      "          echo hi", // 11
      "      - uses: x@v1", // 12
    ].join("\n");
    expect([4, 6, 7, 10, 11, 12, 1].map((l) => unitOf(wf, l))).toEqual([3, 3, 7, null, null, null, null]);
    const inherit = { check: "secrets-inherit", file: "w.yml", line: 6, unit: 3 };
    expect(matches(inherit, { ...inherit, line: 4, workflowLevel: false })).toBe(true);
    expect(matches({ ...inherit, unit: 7 }, { ...inherit, line: 4, workflowLevel: false })).toBe(false);
  });

  it("finds where a YAML node ends", () => {
    const wf = "steps:\n  - run: |\n      a\n\n      b\n    shell: bash\n  - uses: x\n";
    expect(nodeEnd(wf, 2)).toBe(5);
    expect(nodeEnd(wf, 6)).toBe(6);
    expect(nodeEnd(wf, 1)).toBe(7);
  });

  it("re-anchors a finding whose quoted line moved, and gives up when it is gone or ambiguous", () => {
    const wf = "a: 1\nuses: x@1\nb: 2\nuses: x@1\nuses: z@1\n";
    expect(anchorLine(wf, 2, "uses: x@1")).toBe(2);
    expect(anchorLine(wf, 4, "uses: z@1")).toBe(5);
    // Moved, and on two lines: which one zizmor meant cannot be told.
    expect(anchorLine(wf, 3, "uses: x@1")).toBeNull();
    expect(anchorLine(wf, 2, "uses: y@1")).toBeNull();
    expect(anchorLine(wf, 3, undefined)).toBe(3);
  });

  it("sees a zizmor ignore comment on the line or on the step or job around it", () => {
    const wf = [
      "jobs:",
      "  a:",
      "    steps:",
      "      - name: publish # zizmor: ignore[use-trusted-publishing, cache-poisoning]",
      "        run: cargo publish",
      "      - uses: x@v1 # zizmor: ignore[unpinned-uses]",
      "      - uses: y@v1",
      "",
    ].join("\n");
    expect(zizmorIgnored(wf, 5, "use-trusted-publishing")).toBe(true);
    expect(zizmorIgnored(wf, 5, "cache-poisoning")).toBe(true);
    expect(zizmorIgnored(wf, 5, "unpinned-uses")).toBe(false);
    expect(zizmorIgnored(wf, 6, "unpinned-uses")).toBe(true);
    expect(zizmorIgnored(wf, 7, "unpinned-uses")).toBe(false);
  });

  it("re-anchors across a zizmor ignore comment added or dropped between commits", () => {
    const wf = "a: 1\nif: ${{ false }} lol\nuses: x@1 # zizmor: ignore[unpinned-uses]\n";
    expect(anchorLine(wf, 2, "if: ${{ false }} lol # zizmor: ignore[obfuscation]")).toBe(2);
    expect(anchorLine(wf, 5, "uses: x@1")).toBe(3);
    // Any other comment is part of the text.
    expect(anchorLine(wf, 2, "if: ${{ false }} lol # note")).toBeNull();
    // The exact text, when on one line, wins over a copy that differs by such a comment.
    const two = "x: 1\nuses: y@1\nb: 2\nuses: y@1 # zizmor: ignore[unpinned-uses]\n";
    expect(anchorLine(two, 3, "uses: y@1")).toBe(2);
  });

  it("knows the top-level on: and permissions: blocks", () => {
    const wf = 'name: x\n"on":\n  pull_request_target:\npermissions: write-all\njobs:\n  a:\n';
    expect([1, 2, 3, 4, 5, 6].map((l) => inWorkflowLevelBlock(wf, l))).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it("scores recall and the share of unexpected findings per audit", () => {
    const scores = scoreAudits(
      [
        { audit: "github-env", file: "a", line: 5, workflowLevel: false },
        { audit: "github-env", file: "a", line: 20, workflowLevel: false },
        { audit: "impostor-commit", file: "a", line: 3, workflowLevel: false },
      ],
      [
        { check: "github-env-injection", file: "a", line: 6 },
        { check: "github-env-injection", file: "b", line: 5 },
        { check: "github-env-injection", file: "b", line: 9 },
      ],
    );
    expect(scores.find((s) => s.audit === "github-env")).toMatchObject({
      expected: 2,
      found: 1,
      recall: 0.5,
      reported: 3,
      unexpected: 2,
      misses: ["a:20"],
    });
    expect(scores.find((s) => s.audit === "github-env")?.fpShare).toBeCloseTo(2 / 3);
    expect(scores.find((s) => s.audit === "impostor-commit")).toMatchObject({
      check: null,
      expected: 1,
      recall: null,
    });
  });

  it("maps every shared audit to a check in the catalogue", () => {
    for (const check of Object.values(SHARED_AUDITS))
      if (check !== null) expect(checkById(check), check).toBeDefined();
  });
});
