import { describe, expect, it } from "vitest";
import { inlineCode, splitRemediation } from "./remediation-parts";

describe("splitRemediation", () => {
  it("keeps a one-line remediation as prose", () => {
    expect(splitRemediation("Clear `Allow force pushes`.")).toEqual([
      { kind: "text", text: "Clear `Allow force pushes`." },
    ]);
  });

  it("puts the lines to paste in a code block and keeps a trailing note as prose", () => {
    const text =
      'Create .github/dependabot.yml:\nversion: 2\nupdates:\n  - package-ecosystem: "npm"\n(add one entry per ecosystem).';
    expect(splitRemediation(text)).toEqual([
      { kind: "text", text: "Create .github/dependabot.yml:" },
      { kind: "code", text: 'version: 2\nupdates:\n  - package-ecosystem: "npm"' },
      { kind: "text", text: "(add one entry per ecosystem)." },
    ]);
  });
});

describe("inlineCode", () => {
  it("marks backticked spans as code", () => {
    expect(inlineCode("Run `gh api x` now")).toEqual([
      { code: false, text: "Run " },
      { code: true, text: "gh api x" },
      { code: false, text: " now" },
    ]);
  });

  it("leaves an unmatched backtick as text", () => {
    expect(inlineCode("a ` b").map((p) => p.code)).toEqual([false, false, false]);
  });
});
