import { describe, expect, it } from "vitest";
import { ctx, inlineFacts } from "../test-kit";
import { workflowsUnowned } from "./workflows-unowned";

describe("workflows-unowned per file", () => {
  it("points at the rule that leaves one workflow without owners", () => {
    const facts = inlineFacts({
      ".github/CODEOWNERS": "* @acme/devs\n/.github/workflows/release.yml\n",
      ".github/workflows/ci.yml": "on: push",
      ".github/workflows/release.yml": "on: push",
    });
    const o = workflowsUnowned.run(facts, ctx);
    expect(o.findings.map((f) => [f.message, f.evidence.kind === "file" && f.evidence.line])).toEqual([
      [
        ".github/workflows/release.yml has no code owner (line 2 `/.github/workflows/release.yml` names none).",
        2,
      ],
    ]);
  });
});
