import { describe, expect, it } from "vitest";
import { rawRepo } from "./fixtures.test-helpers";
import { MAX_FILE_BYTES, normaliseBlob, normaliseFiles } from "./files";
import type { NormaliseIssue } from "./issues";

function collect() {
  const issues: NormaliseIssue[] = [];
  return { issues, sink: (i: NormaliseIssue) => issues.push(i) };
}

describe("normaliseBlob", () => {
  it("keeps ordinary text", () => {
    const { sink, issues } = collect();
    expect(
      normaliseBlob("a.yml", { byteSize: 3, isBinary: false, isTruncated: false, text: "x: 1" }, sink),
    ).toEqual({ path: "a.yml", text: "x: 1" });
    expect(issues).toEqual([]);
  });

  it("withholds binary, oversized and NUL-bearing files with a recorded reason", () => {
    const { sink, issues } = collect();
    expect(normaliseBlob("b", { byteSize: 10, isBinary: true, text: null }, sink).text).toBeNull();
    const big = normaliseBlob(
      "c",
      { byteSize: 10 * 1024 * 1024, isBinary: false, isTruncated: true, text: "x".repeat(100) },
      sink,
    );
    expect(big.text).toBeNull();
    expect(big.skippedReason).toMatch(/too large/);
    expect(
      normaliseBlob("d", { byteSize: 3, isBinary: false, text: "a\u0000b" }, sink).skippedReason,
    ).toMatch(/NUL/);
    expect(normaliseBlob("e", { byteSize: 3, text: "x".repeat(MAX_FILE_BYTES + 1) }, sink).text).toBeNull();
    expect(normaliseBlob("f", { byteSize: 3, text: "a\ud800b" }, sink).skippedReason).toMatch(/Unicode/);
    expect(issues.map((i) => i.subject)).toEqual(["b", "c", "d", "e", "f"]);
  });

  it("marks GitHub-truncated text so checks cannot pass on it", () => {
    const { sink } = collect();
    const f = normaliseBlob(
      "w.yml",
      { byteSize: 600_000, isBinary: false, isTruncated: true, text: "on: push" },
      sink,
    );
    expect(f).toMatchObject({ text: "on: push", truncated: true });
  });
});

describe("normaliseFiles", () => {
  it("returns workflows and fact files, and the blob paths of listed directories", () => {
    const { sink } = collect();
    const { files, paths } = normaliseFiles(rawRepo(), sink);
    expect(files.map((f) => f.path)).toEqual([
      ".github/CODEOWNERS",
      ".github/workflows/ci.yml",
      "package.json",
    ]);
    expect(paths).toEqual([
      ".github/CODEOWNERS",
      ".github/workflows/ci.yml",
      "package-lock.json",
      "package.json",
    ]);
  });

  it("rejects tree entries whose names would break paths, without failing the repo", () => {
    const { sink, issues } = collect();
    const raw = rawRepo({
      workflowsTree: {
        entries: [
          { name: "../../etc/passwd", type: "blob", object: { text: "x" } },
          { name: "evil\nname.yml", type: "blob", object: { text: "x" } },
          { name: "..", type: "blob", object: { text: "x" } },
          { name: 'quo"te.yml', type: "blob", object: { byteSize: 1, text: "x" } },
        ],
      },
    });
    const { files } = normaliseFiles(raw, sink);
    expect(files.map((f) => f.path)).toContain('.github/workflows/quo"te.yml');
    expect(files.some((f) => f.path.includes("passwd") || f.path.includes("\n"))).toBe(false);
    expect(issues.filter((i) => i.kind === "name_rejected")).toHaveLength(3);
  });

  it("skips sub-directories of .github/workflows and missing trees", () => {
    const { sink } = collect();
    const raw = rawRepo({
      rootTree: null,
      workflowsTree: { entries: [{ name: "sub", type: "tree", object: {} }] },
    });
    const { files, paths } = normaliseFiles(raw, sink);
    expect(files.some((f) => f.path.startsWith(".github/workflows"))).toBe(false);
    expect(paths).not.toContain(".github/workflows/sub");
  });
});
