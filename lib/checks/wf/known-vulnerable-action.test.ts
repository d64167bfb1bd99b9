import { describe, expect, it } from "vitest";
import { ctx, inlineFacts } from "../test-kit";
import { knownVulnerableAction } from "./known-vulnerable-action";

const wf = (steps: string, extra = "") =>
  `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n${extra}    steps:\n${steps}`;

describe("known-vulnerable-action", () => {
  const adv = {
    ghsaId: "GHSA-mrrh-fwg8-r2c3",
    action: "tj-actions/changed-files",
    severity: "high" as const,
    vulnerableRange: "< 46.0.1",
    patchedVersion: "46.0.1",
    summary: "tag compromise",
    affectedShas: ["0e58ed8671d6b60d0890c21b07f8835ace038e67"],
  };

  it("fails on a vulnerable tag, a floating major (medium) and an affected SHA", () => {
    const facts = inlineFacts(
      {
        ".github/workflows/ci.yml": wf(
          `      - uses: tj-actions/changed-files@v45.0.7\n      - uses: tj-actions/changed-files@v35\n      - uses: tj-actions/changed-files@0e58ed8671d6b60d0890c21b07f8835ace038e67 # v45\n      - uses: tj-actions/changed-files@v46.0.1\n`,
        ),
      },
      { actionAdvisories: [adv] },
    );
    const o = knownVulnerableAction.run(facts, ctx);
    expect(o.status).toBe("fail");
    expect(o.findings.map((f) => [f.evidence.kind === "file" && f.evidence.line, f.confidence])).toEqual([
      [6, "high"],
      [7, "medium"],
      [8, "high"],
    ]);
    expect(o.findings[0]?.remediation).toContain("46.0.1");
  });

  it("passes on a patched version, is unknown without advisories", () => {
    const files = { ".github/workflows/ci.yml": wf("      - uses: tj-actions/changed-files@v46.0.1\n") };
    expect(knownVulnerableAction.run(inlineFacts(files, { actionAdvisories: [adv] }), ctx).status).toBe(
      "pass",
    );
    expect(knownVulnerableAction.run(inlineFacts(files, { actionAdvisories: null }), ctx).status).toBe(
      "unknown",
    );
  });
});
