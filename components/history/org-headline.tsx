import type { OrgSnapshotView } from "@/lib/server/history/get-org-snapshot";
import { GradeBadge } from "@/components/scores/grade-badge";
import { CATEGORY_LABELS, formatPercent, formatScore } from "@/components/scores/labels";
import { SeverityBadge } from "@/components/scores/severity-badge";
import { Bar } from "@/components/ui/bar";
import { InlineText } from "@/components/scores/remediation";

const CATEGORIES = [
  ["identity", CATEGORY_LABELS.identity],
  ["secrets", CATEGORY_LABELS.secrets],
  ["supplyChain", CATEGORY_LABELS["supply-chain"]],
  ["integrity", CATEGORY_LABELS.integrity],
  ["changeControl", CATEGORY_LABELS["change-control"]],
] as const;
const GRADES = ["A", "B", "C", "D", "F"] as const;

/** The organisation's latest scoring: scores, grades, counts, and its own settings findings, counted once. */
export function OrgHeadline({ snapshot }: { snapshot: OrgSnapshotView }) {
  const max = Math.max(1, ...GRADES.map((g) => snapshot.distribution[g]));
  return (
    <div className="space-y-4" data-testid="org-headline">
      <div className="grid gap-6 rounded-lg border border-slate-200 bg-white p-5 md:grid-cols-3">
        <div>
          <p className="text-sm text-slate-600">Mean score</p>
          <p className="text-3xl font-semibold" data-testid="mean-score">
            {formatScore(snapshot.overall)}{" "}
            <GradeBadge grade={snapshot.grade} className="align-middle text-sm" />
          </p>
          <p className="mt-2 text-sm text-slate-700">
            {snapshot.repositories} repositories · coverage {formatPercent(snapshot.coverage)}
          </p>
          <p className="mt-1 text-sm text-slate-700" data-testid="failing-counts">
            <span className={snapshot.counts.failingCritical > 0 ? "font-semibold text-red-800" : ""}>
              {snapshot.counts.failingCritical}
            </span>{" "}
            failing critical checks · {snapshot.counts.failingHigh} high (in repositories)
          </p>
        </div>
        <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
          {CATEGORIES.map(([key, label]) => (
            <div key={key} className="contents">
              <dt className="text-slate-600">{label}</dt>
              <dd className="text-right tabular-nums">{formatScore(snapshot[key])}</dd>
            </div>
          ))}
        </dl>
        <table className="w-full text-sm">
          <caption className="mb-1 text-left text-sm text-slate-600">Repositories per grade</caption>
          <tbody>
            {GRADES.map((grade) => (
              <tr key={grade}>
                <th scope="row" className="w-8 py-0.5 text-left font-normal">
                  <GradeBadge grade={grade} />
                </th>
                <td className="py-0.5">
                  <Bar percent={(snapshot.distribution[grade] / max) * 100} />
                </td>
                <td className="w-12 py-0.5 text-right tabular-nums">{snapshot.distribution[grade]}</td>
              </tr>
            ))}
            {snapshot.distribution.ungraded > 0 ? (
              <tr>
                <th scope="row" className="py-0.5 text-left font-normal text-slate-600" colSpan={2}>
                  not graded (nothing could be judged)
                </th>
                <td className="py-0.5 text-right tabular-nums">{snapshot.distribution.ungraded}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="org-settings" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="org-settings" className="font-semibold">
          Organisation settings
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Settings of the organisation itself, counted once here rather than once per repository. Repository
          pages show them as inherited from the organisation.
        </p>
        {snapshot.orgFindings.length === 0 ? (
          <p className="mt-3 text-sm text-slate-700">No organisation-level finding.</p>
        ) : (
          <ul className="mt-3 space-y-2 text-sm" data-testid="org-findings">
            {snapshot.orgFindings.map((f) => (
              <li key={f.fingerprint} className="flex flex-wrap items-baseline gap-2">
                <SeverityBadge severity={f.severity} />
                <span className="font-medium">{f.checkId}</span>
                <span className="text-slate-700">
                  <InlineText text={f.message} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
