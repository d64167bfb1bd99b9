// Whether CI runs a scanner of a kind, and (for dependencies) whether it can fail the build.
import type { Workflow } from "../../analyzers/workflow/model";
import type { ToolKind } from "../../analyzers/tools/kinds";
import type { CheckDefinition, Evidence, Finding } from "../types";
import { finding, snippet, wfCheck } from "../wf/util";
import { ciAnchor, hitsOfKind, type PlacedHit } from "./wf-steps";

const ev = (h: PlacedHit): Evidence => ({
  kind: "file",
  file: h.wf.path,
  line: h.line,
  snippet: snippet(h.wf, h.line),
});

function absent(workflows: Workflow[], message: string, block: string): Finding[] {
  const anchor = ciAnchor(workflows);
  if (!anchor) return [];
  return [
    finding(
      anchor.wf,
      { line: anchor.line, column: 1 },
      message,
      `Add a job to ${anchor.wf.path}:\n${block}`,
      "high",
    ),
  ];
}

const DEP_SCAN_BLOCK = `  dependency-review:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    permissions: { contents: read }
    steps:
      - uses: actions/dependency-review-action@<sha> # v4
        with: { fail-on-severity: high }
(or run \`trivy fs --exit-code 1 --severity HIGH,CRITICAL .\` / \`osv-scanner -r .\`)`;

export const noDependencyScanGate: CheckDefinition = wfCheck({
  id: "no-dependency-scan-gate",
  title: "CI fails on vulnerable dependencies",
  category: "supply-chain",
  severity: "high",
  from: ["wf"],
  rationale:
    "A scanner that only reports is read by nobody at merge time: the gate is what stops a known-vulnerable dependency or base image from shipping.",
  remediation:
    "Run a dependency/image scanner (dependency-review-action, Trivy with exit-code 1, Grype with fail-on, OSV-Scanner, npm audit) as a required check that fails on high findings.",
  evaluate(workflows) {
    const hits = hitsOfKind(workflows, "dependency-scan");
    const gates = hits.filter((h) => h.gate);
    if (gates.length > 0) return { findings: [], evidence: gates.map(ev) };
    if (hits.length > 0) {
      return {
        findings: hits.map((h) =>
          finding(
            h.wf,
            { line: h.line, column: 1 },
            `${h.tool} runs but cannot fail the build: ${h.note ?? "no failing threshold"}.`,
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

export function presenceCheck(
  kind: ToolKind,
  spec: {
    id: string;
    title: string;
    severity: "medium" | "low";
    rationale: string;
    remediation: string;
    message: string;
    block: string;
  },
): CheckDefinition {
  return wfCheck({
    id: spec.id,
    title: spec.title,
    category: "supply-chain",
    severity: spec.severity,
    from: ["wf"],
    rationale: spec.rationale,
    remediation: spec.remediation,
    evaluate(workflows) {
      const hits = hitsOfKind(workflows, kind);
      if (hits.length > 0) return { findings: [], evidence: hits.map(ev) };
      return { findings: absent(workflows, spec.message, spec.block) };
    },
  });
}

export const noSast = presenceCheck("sast", {
  id: "no-sast",
  title: "Static analysis runs in CI",
  severity: "medium",
  rationale:
    "SAST catches injection and unsafe-API patterns in the code itself before review fatigue lets them through.",
  remediation:
    "Enable CodeQL (github/codeql-action init + analyze) or run Semgrep/SonarCloud/gosec/Bandit on pull requests.",
  message: "No static analysis (CodeQL, Semgrep, …) runs in CI.",
  block: `  codeql:
    runs-on: ubuntu-latest
    permissions: { contents: read, security-events: write }
    steps:
      - uses: actions/checkout@<sha> # v4
      - uses: github/codeql-action/init@<sha> # v3
      - uses: github/codeql-action/analyze@<sha> # v3`,
});
