import { describe, expect, it } from "vitest";
import { ctx, fixtureFacts, inlineFacts } from "../test-kit";
import { noDependencyScanGate } from "./no-dependency-scan-gate";

const wf = (steps: string) =>
  `on: [push, pull_request]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

describe("no-dependency-scan-gate", () => {
  it("passes on OPA's trivy-action with exit-code 1 and scorecard's dependency-review", () => {
    expect(noDependencyScanGate.run(fixtureFacts("open-policy-agent__opa"), ctx).status).toBe("pass");
    expect(noDependencyScanGate.run(fixtureFacts("ossf__scorecard"), ctx)).toMatchObject({
      status: "pass",
      evidence: [{ file: ".github/workflows/depsreview.yml" }],
    });
  });
  it("fails a scanner that cannot fail, pointing at it", () => {
    const o = noDependencyScanGate.run(
      inlineFacts({
        ".github/workflows/ci.yml": wf(
          "      - run: npm ci\n      - run: npm audit || true\n      - uses: aquasecurity/trivy-action@" +
            "a".repeat(40) +
            "\n        with: { image-ref: x }\n",
        ),
      }),
      ctx,
    );
    expect(o.status).toBe("fail");
    expect(o.findings.map((f) => f.evidence.kind === "file" && f.evidence.line)).toEqual([7, 8]);
    expect(o.findings[1]?.remediation).toMatch(/exit-code: '1'/);
  });
  it("fails with a job to add when nothing scans (anchored at `jobs:` of the CI workflow)", () => {
    const o = noDependencyScanGate.run(fixtureFacts("step-security__github-actions-goat"), ctx);
    expect(o).toMatchObject({
      status: "fail",
      findings: [{ evidence: { file: ".github/workflows/publish.yml", line: 5 } }],
    });
    expect(o.findings[0]?.remediation).toContain("actions/dependency-review-action");
  });
});
