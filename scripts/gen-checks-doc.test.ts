import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { catalogue } from "../lib/checks/catalogue";
import type { CheckDefinition } from "../lib/checks/types";
import { DOC_PATH, renderChecksDoc } from "./gen-checks-doc";

describe("docs/checks.md", () => {
  it("is what `npm run docs:checks` generates from the catalogue (regenerate when this fails)", () => {
    expect(readFileSync(DOC_PATH, "utf8")).toBe(renderChecksDoc(catalogue));
  });

  it("lists every check with its rationale and remediation, escaping table pipes", () => {
    const def: CheckDefinition = {
      id: "demo-check",
      title: "a | b",
      category: "secrets",
      severity: "high",
      from: ["wf", "settings"],
      rationale: "Because reasons.",
      remediation: "Set `x: y`.",
      run: () => ({ status: "pass", findings: [] }),
    };
    const doc = renderChecksDoc([def]);
    expect(doc).toContain("| [demo-check](#demo-check) | high | wf, settings | a \\| b |");
    expect(doc).toContain("### demo-check");
    expect(doc).toContain("**Why:** Because reasons.");
    expect(doc).toContain("**Fix:** Set `x: y`.");
    expect(doc).not.toContain("## identity");
  });
});
