// The one finding builder and the one way to cite a line: every check builds its
// findings and evidence here, so snippets are cut the same way everywhere.
import type { Pos, Workflow } from "../analyzers/workflow/model";
import type { Confidence, Evidence, Finding, Severity } from "./types";

const SNIPPET_MAX = 200;

/** The trimmed source line, cut to 200 characters (reports and SARIF show it verbatim). */
export function snippetOf(lines: readonly string[], line: number): string {
  const text = (lines[line - 1] ?? "").trim();
  return text.length > SNIPPET_MAX ? `${text.slice(0, SNIPPET_MAX - 3)}...` : text;
}

export function fileEvidence(file: string, line: number, snippet: string, column?: number): Evidence {
  return column === undefined
    ? { kind: "file", file, line, snippet }
    : { kind: "file", file, line, column, snippet };
}

/** Evidence at a position of a parsed workflow or action. */
export function at(wf: Pick<Workflow, "path" | "lines">, pos: Pos): Evidence {
  return fileEvidence(wf.path, pos.line, snippetOf(wf.lines, pos.line), pos.column);
}

/**
 * API evidence. `field` names the REST resource and JSON path, relative to
 * /repos/{owner}/{repo}/ ("branches/main/protection.enforce_admins.enabled",
 * "archived") unless it starts with "orgs/".
 */
export function api(field: string, value: unknown, url?: string): Evidence {
  return url ? { kind: "api", field, value, url } : { kind: "api", field, value };
}

export function finding(
  message: string,
  evidence: Evidence,
  remediation: string,
  confidence: Confidence = "high",
  severity?: Severity,
): Finding {
  const f: Finding = { message, evidence, remediation, confidence };
  if (severity) f.severity = severity;
  return f;
}
