import {
  covers,
  ownersOf,
  parseCodeowners,
  ruleFor,
  type Codeowners,
} from "../../analyzers/codeowners/parse-codeowners";
import { locateCodeowners } from "../../analyzers/codeowners/locate";
import type { RepoFacts } from "../../facts/types";
import type { CheckDefinition, Finding } from "../types";
import { isWorkflowPath } from "../wf/workflows-of";
import { allPaths, assemble, fileEvidence, fileOf, lineSnippet } from "./common";

type Loaded =
  | { kind: "none"; confidence: "high" | "medium" }
  | { kind: "unreadable"; path: string; reason: string }
  | { kind: "ok"; co: Codeowners; lines: string[] };

function load(facts: RepoFacts): Loaded {
  const { used } = locateCodeowners(allPaths(facts));
  if (!used) return { kind: "none", confidence: facts.paths === null ? "medium" : "high" };
  const f = fileOf(facts, used);
  if (!f || f.text === null || f.truncated)
    return { kind: "unreadable", path: used, reason: f?.skippedReason ?? "file content not fetched" };
  return { kind: "ok", co: parseCodeowners(used, f.text), lines: f.text.split(/\r?\n/) };
}

const CREATE =
  "Create .github/CODEOWNERS, e.g.\n*            @<org>/<maintainers>\n/.github/    @<org>/<security-team>";
const noneFinding = (confidence: "high" | "medium"): Finding => ({
  message: "There is no CODEOWNERS file in .github/, the root or docs/.",
  evidence: { kind: "api", field: "tree", value: "no .github/CODEOWNERS, CODEOWNERS or docs/CODEOWNERS" },
  remediation: CREATE,
  confidence,
});

export const codeownersMissing: CheckDefinition = {
  id: "codeowners-missing",
  title: "CODEOWNERS exists and is valid",
  category: "change-control",
  severity: "medium",
  from: ["files"],
  rationale:
    "CODEOWNERS names who must review changes to each part of the repository; GitHub silently skips lines with errors, so a broken file protects less than it appears to.",
  remediation:
    "Add .github/CODEOWNERS covering the whole repository and fix every line GitHub reports as an error.",
  run(facts) {
    const l = load(facts);
    if (l.kind === "none") return assemble({ findings: [noneFinding(l.confidence)] });
    if (l.kind === "unreadable")
      return assemble({ findings: [], failures: [{ path: l.path, reason: l.reason }] });
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
    return assemble({ findings, evidence: [fileEvidence(l.co.path, 1, `${l.co.rules.length} rules`)] });
  },
};

export const workflowsUnowned: CheckDefinition = {
  id: "workflows-unowned",
  title: "CODEOWNERS covers .github/workflows/",
  category: "change-control",
  severity: "high",
  from: ["files"],
  rationale:
    "Workflows hold the keys (tokens, secrets, deploy rights); if nobody in particular must review them, any approved contributor can change what CI does with those keys.",
  remediation:
    "Add `/.github/workflows/ @<org>/<security-or-platform-team>` near the end of CODEOWNERS (later rules win) and require code-owner review.",
  run(facts) {
    const workflows = allPaths(facts).filter(isWorkflowPath);
    if (workflows.length === 0)
      return { status: "not-applicable", findings: [], reason: "The repository has no workflow files." };
    const l = load(facts);
    if (l.kind === "none")
      return assemble({
        findings: [
          {
            ...noneFinding(l.confidence),
            message: "There is no CODEOWNERS file, so nobody owns .github/workflows/.",
          },
        ],
      });
    if (l.kind === "unreadable")
      return assemble({ findings: [], failures: [{ path: l.path, reason: l.reason }] });
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
    return assemble({
      findings,
      evidence: rule ? [fileEvidence(l.co.path, rule.line, lineSnippet(l.lines, rule.line))] : [],
    });
  },
};
