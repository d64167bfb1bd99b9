// An `if:` is evaluated as an expression only when it is one: text around `${{ }}` (or the
// newline a block scalar keeps) turns the result into a non-empty string, which is true.
import type { ScalarValue, Workflow } from "../../analyzers/workflow/model";
import { findExpressions } from "../../analyzers/expressions/find-expressions";
import type { Finding } from "../types";
import { defineCheck } from "../define";
import { at, finding } from "../evidence";

/** Whether GitHub reads this `if:` as a string template (always true) rather than an expression. */
export function alwaysTrue(cond: ScalarValue): boolean {
  const spans = findExpressions(cond.value);
  if (spans.length === 0) return false;
  const only = spans[0]!;
  return !(spans.length === 1 && only.start === 0 && only.end === cond.value.length);
}

function conditions(wf: Workflow): Array<{ where: string; cond: ScalarValue }> {
  const out: Array<{ where: string; cond: ScalarValue }> = [];
  for (const job of wf.jobs) {
    if (job.if) out.push({ where: `job \`${job.id}\``, cond: job.if });
    for (const s of job.steps)
      if (s.if) out.push({ where: `step ${s.index + 1} of job \`${job.id}\``, cond: s.if });
  }
  return out;
}

export const unsoundCondition = defineCheck({
  id: "unsound-condition",
  title: "Conditions are expressions, not always-true strings",
  category: "integrity",
  severity: "medium",
  from: ["wf"],
  rationale:
    "`if: |` followed by `${{ … }}`, or text around `${{ }}`, makes the condition a non-empty string, which GitHub treats as true: the guard (a fork check, a bot check, a branch check) silently never applies.",
  remediation:
    "Write the condition as one expression on one line: `if: ${{ github.event.pull_request.head.repo.fork == false }}` (or without the braces), with no block scalar and no text around it.",
  input: "workflows",
  run(workflows) {
    const findings: Finding[] = [];
    for (const wf of workflows) {
      for (const { where, cond } of conditions(wf)) {
        if (!alwaysTrue(cond)) continue;
        const exprs = findExpressions(cond.value).map((s) => s.expr);
        findings.push(
          finding(
            `The \`if:\` of ${where} is a string around \`\${{ }}\`, so it is always true.`,
            at(wf, cond.pos),
            `Replace it with \`if: \${{ ${exprs.length === 1 ? exprs[0] : exprs.map((e) => `(${e})`).join(" && ")} }}\` on one line (no \`|\`/\`>\` block, no surrounding text).`,
          ),
        );
      }
    }
    return { findings };
  },
});
