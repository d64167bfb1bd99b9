import { describe, expect, it } from "vitest";
import { collectSuppressionProblems, matchSuppression, parseSuppressions } from "./suppressions";

describe("parseSuppressions", () => {
  it("reads ids, the reason and whether the marker stands alone on its line", () => {
    const text = [
      "a: 1",
      "    # gatehouse: ignore[unpinned-action, unpinned-image]: pinned by renovate",
      "uses: x/y@v1 # gatehouse:ignore[unpinned-action]",
    ].join("\r\n");
    expect(parseSuppressions(text)).toEqual([
      {
        line: 2,
        ids: ["unpinned-action", "unpinned-image"],
        reason: "pinned by renovate",
        commentOnly: true,
      },
      { line: 3, ids: ["unpinned-action"], reason: null, commentOnly: false },
    ]);
  });
});

describe("matchSuppression", () => {
  const sups = parseSuppressions(
    [
      "x # gatehouse: ignore[a] why",
      "# gatehouse: ignore[b] why not",
      "y",
      "z # gatehouse: ignore[c] trailing",
    ].join("\n"),
  );
  it("matches the same line, or the line below a comment-only marker", () => {
    expect(matchSuppression(sups, "a", 1)).toMatchObject({ applies: true, reason: "why" });
    expect(matchSuppression(sups, "b", 3)).toMatchObject({ applies: true, reason: "why not" });
  });
  it("does not let a trailing marker cover the next line", () => {
    expect(matchSuppression(sups, "c", 5)).toBeNull();
    expect(matchSuppression(sups, "a", 2)).toBeNull();
  });
});

describe("collectSuppressionProblems", () => {
  it("reports markers without a reason, without ids, or naming unknown checks", () => {
    const files = [
      {
        path: "w.yml",
        text: "# gatehouse: ignore[unpinned-action]\n# gatehouse: ignore[] because\n# gatehouse: ignore[no-such] because",
      },
      { path: "bin", text: null },
    ];
    const problems = collectSuppressionProblems(files, new Set(["unpinned-action"]));
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [1, "inline suppression has no reason, so it does not apply"],
      [2, "inline suppression names no check id"],
      [3, 'inline suppression names unknown check "no-such"'],
    ]);
  });
});
