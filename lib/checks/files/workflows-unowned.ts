import { covers, ownersOf, ruleFor } from "../../analyzers/codeowners/parse-codeowners";
import type { CheckDefinition, Finding } from "../types";
import { isWorkflowPath } from "../support/workflows-of";
import { allPaths, lineSnippet } from "../support/common";
import { fileEvidence } from "../evidence";
import { defineCheck } from "../define";
import { load, noneFinding } from "../support/codeowners";

export const workflowsUnowned: CheckDefinition = defineCheck({
  id: "workflows-unowned",
  title: "CODEOWNERS covers .github/workflows/",
  category: "change-control",
  severity: "high",
  from: ["files"],
  rationale:
    "Workflows hold the keys (tokens, secrets, deploy rights); if nobody in particular must review them, any approved contributor can change what CI does with those keys.",
  remediation:
    "Add `/.github/workflows/ @<org>/<security-or-platform-team>` near the end of CODEOWNERS (later rules win) and require code-owner review.",
  input: "repository",
  run(facts) {
    const workflows = allPaths(facts).filter(isWorkflowPath);
    if (workflows.length === 0)
      return { findings: [], notApplicable: "The repository has no workflow files." };
    const l = load(facts);
    if (l.kind === "none")
      return {
        findings: [
          {
            ...noneFinding(l.confidence),
            message: "There is no CODEOWNERS file, so nobody owns .github/workflows/.",
          },
        ],
      };
    if (l.kind === "unreadable") return { findings: [], failures: [{ path: l.path, reason: l.reason }] };
    const fix = `Add at the end of ${l.co.path}:\n/.github/workflows/ @<org>/<security-or-platform-team>`;
    const c = covers(l.co, ".github/workflows/");
    const findings: Finding[] = [];
    if (!c.covered) {
      const ev = c.rule
        ? fileEvidence(l.co.path, c.rule.line, lineSnippet(l.lines, c.rule.line))
        : fileEvidence(l.co.path, 1, lineSnippet(l.lines, 1));
      findings.push({
        message: c.rule
          ? `A new file in .github/workflows/ matches line ${c.rule.line} (\`${c.rule.pattern}\`), which names no owner.`
          : "No CODEOWNERS rule matches .github/workflows/.",
        evidence: ev,
        remediation: fix,
        confidence: "high",
      });
    }
    for (const w of workflows) {
      if (ownersOf(l.co, w).length > 0 || !c.covered) continue;
      const r = ruleFor(l.co, w);
      const line = r?.line ?? 1;
      findings.push({
        message: `${w} has no code owner${r ? ` (line ${r.line} \`${r.pattern}\` names none)` : ""}.`,
        evidence: fileEvidence(l.co.path, line, lineSnippet(l.lines, line)),
        remediation: fix,
        confidence: "high",
      });
    }
    const rule = c.rule;
    return {
      findings,
      evidence: rule ? [fileEvidence(l.co.path, rule.line, lineSnippet(l.lines, rule.line))] : [],
    };
  },
});
