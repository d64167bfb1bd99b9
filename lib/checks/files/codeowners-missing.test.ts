import { describe, expect, it } from "vitest";
import { ctx, fixtureFacts, inlineFacts } from "../test-kit";
import { codeownersMissing } from "./codeowners-missing";
import { workflowsUnowned } from "./workflows-unowned";

describe("codeowners-missing and workflows-unowned", () => {
  it("scorecard: valid CODEOWNERS whose `*` rule owns the workflows", () => {
    const facts = fixtureFacts("ossf__scorecard");
    expect(codeownersMissing.run(facts, ctx).status).toBe("pass");
    expect(workflowsUnowned.run(facts, ctx)).toMatchObject({
      status: "pass",
      evidence: [{ file: ".github/CODEOWNERS", line: 7 }],
    });
  });
  it("renovate: CODEOWNERS exists but leaves .github/workflows/ unowned", () => {
    const facts = fixtureFacts("renovatebot__renovate");
    expect(codeownersMissing.run(facts, ctx).status).toBe("pass");
    const o = workflowsUnowned.run(facts, ctx);
    expect(o.status).toBe("fail");
    expect(o.findings[0]?.remediation).toContain("/.github/workflows/ @<org>/");
  });
  it("no CODEOWNERS: both fail; errors are reported per line", () => {
    const facts = fixtureFacts("pallets__flask");
    expect(codeownersMissing.run(facts, ctx).status).toBe("fail");
    expect(workflowsUnowned.run(facts, ctx).status).toBe("fail");
    const bad = inlineFacts({
      "docs/CODEOWNERS": "* @acme/devs\n!vendor/ @x\n/.github/ bob\n",
      ".github/workflows/ci.yml": "on: push",
    });
    const o = codeownersMissing.run(bad, ctx);
    expect(o.findings.map((f) => f.evidence.kind === "file" && [f.evidence.file, f.evidence.line])).toEqual([
      ["docs/CODEOWNERS", 2],
      ["docs/CODEOWNERS", 3],
    ]);
    // The erroneous `/.github/ bob` line is skipped by GitHub, so `*` still owns workflows.
    expect(workflowsUnowned.run(bad, ctx).status).toBe("pass");
  });
  it("a later owner-less rule unowns workflows; not-applicable without workflows; unknown when unreadable", () => {
    const facts = inlineFacts({
      ".github/CODEOWNERS": "* @acme/devs\n.github/workflows/\n",
      ".github/workflows/ci.yml": "on: push",
    });
    expect(workflowsUnowned.run(facts, ctx).findings[0]?.evidence).toMatchObject({ line: 2 });
    expect(workflowsUnowned.run(inlineFacts({ CODEOWNERS: "* @a" }), ctx).status).toBe("not-applicable");
    expect(codeownersMissing.run(inlineFacts({ CODEOWNERS: null }), ctx).status).toBe("unknown");
  });
});
