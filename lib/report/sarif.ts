// SARIF 2.1.0 for GitHub code scanning: rule metadata comes from the catalogue (rationale
// and remediation as data), `security-severity` lets code scanning rank alerts as
// critical/high/medium/low, and suppressed findings travel as SARIF suppressions so an
// accepted risk stays visible as such instead of disappearing.
import { createHash } from "node:crypto";
import type * as Sarif from "sarif";
import type { CheckDefinition } from "../checks/types";
import type { SuppressionProblem } from "../checks/suppressions";
import type { ReportFinding } from "./findings";
import { SARIF_LEVEL, SECURITY_SEVERITY } from "./severity";

const SARIF_SCHEMA_URI =
  "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json";
const INFORMATION_URI = "https://github.com/gatehouse/gatehouse/blob/main/docs/checks.md";

export interface SarifInput {
  version: string;
  rules: CheckDefinition[];
  findings: ReportFinding[];
  problems?: SuppressionProblem[];
  /** Files seen but not analysed (too big, binary, outside the root), so a clean run is not over-read. */
  skipped?: Array<{ path: string; reason: string }>;
}

export function buildSarif(input: SarifInput): Sarif.Log {
  const ruleIndex = new Map(input.rules.map((r, i) => [r.id, i]));
  const results: Sarif.Result[] = [];
  const seen = new Map<string, number>();
  for (const f of input.findings) {
    const index = ruleIndex.get(f.check);
    // A finding without a file (API evidence) has nothing to annotate in code scanning.
    if (index === undefined || f.file === null) continue;
    const hash = fingerprint(f);
    // Identical lines in one file (the same unpinned action twice) must stay distinct alerts.
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    results.push(toResult(f, index, `${hash}:${occurrence}`));
  }
  return {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "gatehouse",
            semanticVersion: input.version,
            informationUri: INFORMATION_URI,
            rules: input.rules.map(toRule),
          },
        },
        originalUriBaseIds: { "%SRCROOT%": { description: { text: "The scanned directory." } } },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: [
              ...(input.problems ?? []).map((p) => ({
                level: "warning" as const,
                message: { text: p.message },
                locations: [location(p.file, p.line)],
              })),
              ...(input.skipped ?? []).map((s) => ({
                level: "note" as const,
                message: { text: `not analysed: ${s.reason}` },
                locations: [
                  {
                    physicalLocation: {
                      artifactLocation: { uri: encodeURI(s.path), uriBaseId: "%SRCROOT%" },
                    },
                  },
                ],
              })),
            ],
          },
        ],
        results,
      },
    ],
  };
}

function toRule(def: CheckDefinition): Sarif.ReportingDescriptor {
  return {
    id: def.id,
    name: def.id,
    shortDescription: { text: def.title },
    fullDescription: { text: def.rationale },
    help: { text: def.remediation, markdown: `**Fix:** ${def.remediation}` },
    helpUri: `${INFORMATION_URI}#${def.id}`,
    defaultConfiguration: { level: SARIF_LEVEL[def.severity] },
    properties: {
      tags: [...new Set(["security", "supply-chain", def.category])],
      "security-severity": SECURITY_SEVERITY[def.severity],
      precision: "high",
    },
  };
}

function toResult(f: ReportFinding, ruleIndex: number, fingerprintValue: string): Sarif.Result {
  const file = f.file as string;
  const result: Sarif.Result = {
    ruleId: f.check,
    ruleIndex,
    level: SARIF_LEVEL[f.severity],
    message: { text: `${f.message}\nFix: ${f.remediation}` },
    locations: [location(file, f.line ?? 1, f.snippet)],
    partialFingerprints: { "gatehouseFinding/v1": fingerprintValue },
    properties: { severity: f.severity, confidence: f.confidence, category: f.category },
  };
  if (f.suppressed) {
    result.suppressions = [
      {
        kind: f.suppressed.by === "inline" ? "inSource" : "external",
        justification: f.suppressed.reason,
        // `status` is left out: the OASIS schema file names it `state` while the spec and
        // GitHub say `status`; absent means accepted under both readings.
      },
    ];
  }
  return result;
}

function location(file: string, line: number, snippet?: string | null): Sarif.Location {
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeURI(file), uriBaseId: "%SRCROOT%" },
      region: { startLine: Math.max(1, line), ...(snippet ? { snippet: { text: snippet } } : {}) },
    },
  };
}

/**
 * Stable across runs and line shifts: check, file and the offending text, not the line
 * number, so moving code does not close and reopen the alert.
 */
function fingerprint(f: ReportFinding): string {
  const basis = [f.check, f.file ?? "", (f.snippet ?? f.message).trim()].join("\0");
  return createHash("sha256").update(basis).digest("hex").slice(0, 32);
}
