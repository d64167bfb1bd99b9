import type { CheckDefinition } from "../types";
import { finding, at } from "../evidence";
import { hitsOfKind } from "../support/wf-steps";
import { defineCheck } from "../define";
import { ev, absent } from "../support/scanners";

const DEP_SCAN_BLOCK = `  dependency-review:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    permissions: { contents: read }
    steps:
      - uses: actions/dependency-review-action@<sha> # v4
        with: { fail-on-severity: high }
(or run \`trivy fs --exit-code 1 --severity HIGH,CRITICAL .\` / \`osv-scanner -r .\`)`;

export const noDependencyScanGate: CheckDefinition = defineCheck({
  id: "no-dependency-scan-gate",
  title: "CI fails on vulnerable dependencies",
  category: "supply-chain",
  severity: "high",
  from: ["wf"],
  rationale:
    "A scanner that only reports is read by nobody at merge time: the gate is what stops a known-vulnerable dependency or base image from shipping.",
  remediation:
    "Run a dependency/image scanner (dependency-review-action, Trivy with exit-code 1, Grype with fail-on, OSV-Scanner, npm audit) as a required check that fails on high findings.",
  input: "workflows",
  run(workflows) {
    const hits = hitsOfKind(workflows, "dependency-scan");
    const gates = hits.filter((h) => h.gate);
    if (gates.length > 0) return { findings: [], evidence: gates.map(ev) };
    if (hits.length > 0) {
      return {
        findings: hits.map((h) =>
          finding(
            `${h.tool} runs but cannot fail the build: ${h.note ?? "no failing threshold"}.`,
            at(h.wf, { line: h.line, column: 1 }),
            gateFix(h.tool),
            "high",
          ),
        ),
      };
    }
    return { findings: absent(workflows, "No CI step scans dependencies or images.", DEP_SCAN_BLOCK) };
  },
});

function gateFix(tool: string): string {
  if (tool.startsWith("Trivy"))
    return "Set `exit-code: '1'` (and `severity: 'CRITICAL,HIGH'`) on the trivy step, or pass `--exit-code 1` on the command line.";
  if (tool === "Grype") return "Add `--fail-on high` (action: `fail-build: true`, `severity-cutoff: high`).";
  if (tool === "npm audit")
    return "Remove `|| true` and use `npm audit --audit-level=high` so the step fails.";
  return "Remove `continue-on-error` / `|| true` and let the step fail on high-severity findings.";
}
