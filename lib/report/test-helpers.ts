// Shared by the report tests: a small, valid set of results and rules.
import { readFileSync } from "node:fs";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import type { CheckDefinition, CheckResult } from "../checks/types";

export const RULES: CheckDefinition[] = [
  {
    id: "template-injection",
    title: "Untrusted input expanded in scripts",
    category: "integrity",
    severity: "critical",
    from: ["wf"],
    rationale: "Attacker text becomes shell code.",
    remediation: "Pass it through env.",
    run: () => ({ status: "pass", findings: [] }),
  },
  {
    id: "unpinned-action",
    title: "Action not pinned to a SHA",
    category: "supply-chain",
    severity: "high",
    from: ["wf"],
    rationale: "Tags move.",
    remediation: "Pin to a full SHA.",
    run: () => ({ status: "pass", findings: [] }),
  },
];

const wf = ".github/workflows/ci.yml";

export const RESULTS: CheckResult[] = [
  {
    checkId: "template-injection",
    category: "integrity",
    severity: "critical",
    status: "fail",
    findings: [
      {
        message: "issue title in run",
        remediation: "use env",
        confidence: "high",
        evidence: { kind: "file", file: wf, line: 12, snippet: "run: echo ${{ github.event.issue.title }}" },
      },
    ],
  },
  {
    checkId: "unpinned-action",
    category: "supply-chain",
    severity: "high",
    status: "fail",
    findings: [
      {
        message: "a@v1 unpinned",
        remediation: "pin a",
        confidence: "high",
        evidence: { kind: "file", file: wf, line: 5, snippet: "uses: a/b@v1" },
      },
      {
        message: "a@v1 unpinned",
        remediation: "pin a",
        confidence: "high",
        evidence: { kind: "file", file: wf, line: 9, snippet: "uses: a/b@v1" },
      },
      {
        message: "actions/checkout unpinned",
        remediation: "pin checkout",
        confidence: "high",
        severity: "medium",
        evidence: { kind: "file", file: wf, line: 3, snippet: "uses: actions/checkout@v4" },
        suppressed: { by: "inline", reason: "reviewed" },
      },
    ],
  },
  {
    checkId: "branch-protection",
    category: "identity",
    severity: "high",
    status: "unknown",
    reason: "no settings",
    findings: [
      {
        message: "x",
        remediation: "y",
        confidence: "low",
        evidence: { kind: "api", field: "branch", value: null },
      },
    ],
  },
];

const schema = JSON.parse(
  readFileSync(new URL("./sarif-schema/sarif-schema-2.1.0.json", import.meta.url), "utf8"),
) as object;

/** Schema errors of a SARIF log against the vendored OASIS SARIF 2.1.0 schema ([] when valid). */
export function validateSarif(doc: unknown): string[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`);
}
