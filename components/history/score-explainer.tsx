import { GRADE_THRESHOLDS } from "@/lib/scoring";

/** How the numbers on the page are made, next to them (the scoring rules in lib/scoring/score.ts). */
export function ScoreExplainer() {
  return (
    <details
      className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700"
      data-testid="score-explainer"
    >
      <summary className="cursor-pointer font-medium text-slate-900">How these numbers are computed</summary>
      <ul className="mt-3 list-disc space-y-1 pl-5">
        <li>
          A <strong>category score</strong> is 100 × (1 − weight of failed checks ÷ weight of judged checks).
          Weights come from the policy per severity; a failed check weighs as its worst open finding.
        </li>
        <li>
          Only passes and failures are judged. <strong>Unknown results are never counted as a pass</strong>:
          they are left out of the score and lower the coverage instead. Not-applicable checks are left out
          too.
        </li>
        <li>
          <strong>Coverage</strong> is the share of checks whose result is known (not unknown), e.g. a token
          without admin rights cannot read some settings.
        </li>
        <li>
          The <strong>overall</strong> score is the mean of the categories that could be judged. Grades:{" "}
          {GRADE_THRESHOLDS.map(([g, t]) => `${g} ≥ ${t}`).join(", ")}, otherwise F.
        </li>
        <li>
          The organisation&apos;s scores are means over its repositories. Organisation settings (two-factor
          requirement, base permission, the organisation&apos;s Actions policy and token default) are findings
          of the organisation, counted once.
        </li>
      </ul>
    </details>
  );
}
