import { describe, expect, it } from "vitest";
import { analyzeExpression } from "./context-paths";
import { findExpressions, isSingleExpression } from "./find-expressions";

describe("findExpressions", () => {
  it("finds spans and honours `}}` inside string literals", () => {
    const s = "a ${{ x.y }} b ${{ format('}}', z) }} c";
    expect(findExpressions(s).map((e) => e.expr)).toEqual(["x.y", "format('}}', z)"]);
    expect(findExpressions("${{ 'it''s }}' }}")[0]!.expr).toBe("'it''s }}'");
    expect(findExpressions("${{ unterminated")).toEqual([]);
    expect(isSingleExpression("  ${{ a }} ")).toBe(true);
    expect(isSingleExpression("x ${{ a }}")).toBe(false);
  });

  it("is linear on adversarial input", () => {
    // No wall-clock bound here (it flakes under load): a super-linear regression shows up
    // as this test running into Vitest's timeout, and throughput is `npm run bench`'s job.
    findExpressions("${{ '".repeat(200_000));
    findExpressions("${{".repeat(200_000));
  });
});

describe("analyzeExpression", () => {
  it("returns paths read and paths whose text reaches the value", () => {
    expect(analyzeExpression("toJSON(secrets)").contexts).toEqual(["secrets"]);
    expect(analyzeExpression("secrets[format('{0}', matrix.env)]").contexts.sort()).toEqual([
      "matrix.env",
      "secrets[computed]",
    ]);
    expect(analyzeExpression("github.event['issue'].title")).toMatchObject({
      contexts: ["github.event.issue.title"],
    });
    expect(analyzeExpression("github.event.commits[0].message").contexts).toEqual([
      "github.event.commits.0.message",
    ]);
    const cmp = analyzeExpression("contains(github.event.issue.title, 'x') || github.head_ref == 'main'");
    expect(cmp.contexts.sort()).toEqual(["github.event.issue.title", "github.head_ref"]);
    expect(cmp.valueContexts).toEqual([]);
    expect(analyzeExpression("inputs.x || github.event.issue.body").valueContexts).toEqual([
      "inputs.x",
      "github.event.issue.body",
    ]);
    expect(analyzeExpression("success() && hashFiles('a')").contexts).toEqual([]);
  });

  it("falls back to GitHub's token stream when the parser rejects the text", () => {
    const r = analyzeExpression("github.event.issue.title )");
    expect(r.error).toBeTruthy();
    expect(r.contexts).toEqual(["github.event.issue.title"]);
    expect(analyzeExpression('"bad').error).toBeTruthy();
  });
});

describe("analyzeExpression memo", () => {
  it("answers a repeated expression from the memo with arrays the caller may change", () => {
    const first = analyzeExpression("github.event.issue.title || 'x'");
    first.contexts.push("tampered");
    first.valueContexts.length = 0;
    const again = analyzeExpression("github.event.issue.title || 'x'");
    expect(again).toEqual({
      contexts: ["github.event.issue.title"],
      valueContexts: ["github.event.issue.title"],
    });
    expect(again.contexts).not.toBe(first.contexts);
    const bad = analyzeExpression("a ==");
    expect(analyzeExpression("a ==")).toEqual(bad);
    expect(bad.error).toBeDefined();
  });
});
