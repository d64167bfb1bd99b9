import type { CheckDefinition, Finding } from "../types";
import { fileEvidence } from "../evidence";
import { lineSnippet } from "../support/common";
import { defineCheck } from "../define";
import { load, noneFinding } from "../support/codeowners";

export const codeownersMissing: CheckDefinition = defineCheck({
  id: "codeowners-missing",
  title: "CODEOWNERS exists and is valid",
  category: "change-control",
  severity: "medium",
  from: ["files"],
  rationale:
    "CODEOWNERS names who must review changes to each part of the repository; GitHub silently skips lines with errors, so a broken file protects less than it appears to.",
  remediation:
    "Add .github/CODEOWNERS covering the whole repository and fix every line GitHub reports as an error.",
  input: "repository",
  run(facts) {
    const l = load(facts);
    if (l.kind === "none") return { findings: [noneFinding(l.confidence)] };
    if (l.kind === "unreadable") return { findings: [], failures: [{ path: l.path, reason: l.reason }] };
    const findings: Finding[] = l.co.errors.map((e) => ({
      message: `Line ${e.line}: ${e.message} — GitHub ignores this line.`,
      evidence: fileEvidence(l.co.path, e.line || 1, e.text),
      remediation: `Fix line ${e.line} of ${l.co.path}: owners must be @user, @org/team or an email; patterns cannot use !, [ ] or a leading \\#.`,
      confidence: "high",
    }));
    if (l.co.rules.length === 0 && findings.length === 0)
      findings.push({
        message: `${l.co.path} has no rules.`,
        evidence: fileEvidence(l.co.path, 1, lineSnippet(l.lines, 1)),
        remediation: `Add rules to ${l.co.path}, e.g. \`* @<org>/<maintainers>\`.`,
        confidence: "high",
      });
    return { findings, evidence: [fileEvidence(l.co.path, 1, `${l.co.rules.length} rules`)] };
  },
});
