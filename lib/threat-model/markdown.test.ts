import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeFacts } from "../../testing/facts";
import { modelArbitrary } from "./arbitrary.test-helpers";
import { generateThreatModel } from "./generate";
import { exportMarkdown } from "./markdown-export";
import { importMarkdown } from "./markdown-import";
import { ImportError } from "./safe-json";

const meta = (revision: number, exportedAt: string) => ({ repository: "acme/api", revision, exportedAt });
const facts = makeFacts({
  files: [
    { path: ".github/workflows/ci.yml", text: "on: push\n" },
    { path: "Dockerfile", text: "FROM node:20\n" },
  ],
});

function refusal(text: string): string {
  try {
    importMarkdown(text);
  } catch (error) {
    if (error instanceof ImportError) return error.message;
    throw error;
  }
  throw new Error("the file was accepted");
}

describe("THREATS.md", () => {
  const model = generateThreatModel(facts);
  const md = exportMarkdown(model, meta(3, "2026-12-01T00:00:00.000Z"));

  it("reads per asset, threat and control", () => {
    expect(md).toContain("## Assets\n\n### acme/api\n\n- id: repository:acme/api");
    expect(md).toContain("### .github/workflows/ci.yml\n\n- id: workflow:.github/workflows/ci.yml");
    expect(md).toContain(
      "### Credential theft\n\n- id: threat:credential-theft\n- category: information-disclosure",
    );
    expect(md).toContain("### Check oidc-missing\n\n- id: control:check:oidc-missing\n- check: oidc-missing");
  });

  it("export → import → export is identical apart from the revision and timestamp lines", () => {
    const again = exportMarkdown(importMarkdown(md), meta(4, "2026-12-02T00:00:00.000Z"));
    const a = md.split("\n");
    const b = again.split("\n");
    expect(b.length).toBe(a.length);
    const differing = a.flatMap((line, i) => (line === b[i] ? [] : [line]));
    expect(differing).toEqual(["Revision: 3", "Exported: 2026-12-01T00:00:00.000Z"]);
  });

  it("import(export(m)) ≡ m for any model", () => {
    fc.assert(
      fc.property(modelArbitrary, (m) => {
        expect(importMarkdown(exportMarkdown(m, meta(1, "t")))).toEqual(m);
      }),
      { numRuns: 300 },
    );
  });

  it("refuses bad files naming the line", () => {
    expect(refusal("# x\n")).toMatch(/^line 1: not a Gatehouse THREATS.md/);
    const badCategory = md.replace("- category: information-disclosure", "- category: sneaking");
    const line = badCategory.split("\n").indexOf("- category: sneaking") + 1;
    expect(refusal(badCategory)).toMatch(new RegExp(`^line ${line}: category`));
    const dangling = md.replace("- assets: workflow:.github/workflows/ci.yml", "- assets: workflow:nope");
    expect(refusal(dangling)).toMatch(/^line \d+: no asset workflow:nope/);
    expect(refusal(md.replace("## Threats", "## Risks"))).toMatch(/^line \d+: unknown section "Risks"/);
    expect(refusal(md.replace("- impact: high", "- colour: high"))).toMatch(/unknown field "colour"/);
    expect(refusal(md + "x".repeat(10 * 1024 * 1024))).toMatch(/larger than 10 MB/);
  });
});
