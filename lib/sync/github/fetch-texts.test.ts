import { describe, expect, it } from "vitest";
import { rawRepo } from "../normalise/fixtures.test-helpers";
import { normaliseFiles } from "../normalise/files";
import { MAX_FILES_PER_REPO, MAX_REPO_TEXT_BYTES, planTexts, plannedBytes } from "./fetch-texts";

const meta = (oid: string, byteSize: number, isBinary = false) => ({ oid, byteSize, isBinary });

describe("planTexts", () => {
  it("asks for workflow and fact-file texts in path order", () => {
    const raw = rawRepo({
      workflowsTree: {
        entries: [
          { name: "b.yml", type: "blob", object: meta("2", 10) },
          { name: "a.yml", type: "blob", object: meta("1", 10) },
          { name: "sub", type: "tree", object: {} },
        ],
      },
    });
    expect(planTexts(raw).map((w) => w.path)).toEqual([
      ".github/CODEOWNERS",
      ".github/workflows/a.yml",
      ".github/workflows/b.yml",
      "package.json",
    ]);
  });

  it("never asks for binary or oversized blobs, and caps what one repository may cost", () => {
    const entries = Array.from({ length: 10 }, (_, i) => ({
      name: `w${i}.yml`,
      type: "blob",
      object: meta(`o${i}`, 500_000),
    }));
    entries.push(
      { name: "bin.yml", type: "blob", object: meta("b", 10, true) },
      { name: "huge.yml", type: "blob", object: meta("h", 10_000_000) },
    );
    const raw = rawRepo({ workflowsTree: { entries }, f__github_CODEOWNERS: null, f_package_json: null });
    const wanted = planTexts(raw);
    expect(plannedBytes(wanted)).toBeLessThanOrEqual(MAX_REPO_TEXT_BYTES);
    expect(wanted.map((w) => w.path)).not.toContain(".github/workflows/bin.yml");
    const { files } = normaliseFiles(raw, () => {});
    const skipped = files.filter((f) => f.text === null).map((f) => f.skippedReason);
    expect(skipped.filter((r) => /budget/.test(r ?? ""))).toHaveLength(10 - wanted.length);
    expect(skipped).toContain("binary file");
    expect(skipped.some((r) => /too large/.test(r ?? ""))).toBe(true);
  });

  it("caps the number of files per repository", () => {
    const entries = Array.from({ length: MAX_FILES_PER_REPO + 5 }, (_, i) => ({
      name: `w${String(i).padStart(4, "0")}.yml`,
      type: "blob",
      object: meta(`o${i}`, 10),
    }));
    const raw = rawRepo({ workflowsTree: { entries }, f__github_CODEOWNERS: null, f_package_json: null });
    expect(planTexts(raw)).toHaveLength(MAX_FILES_PER_REPO);
  });
});
