import Link from "next/link";
import type { getOrgSummary } from "@/lib/server/scores/get-org-summary";
import { GradeBadge } from "./grade-badge";
import { formatPercent, formatScore } from "./labels";
import { Bar } from "../ui/bar";

type Summary = Awaited<ReturnType<typeof getOrgSummary>>;

const repoHref = (fullName: string) => `/repos/${fullName.split("/").map(encodeURIComponent).join("/")}`;

export function OrgSummaryCard({
  login,
  name,
  summary,
}: {
  login: string;
  name: string | null;
  summary: Summary;
}) {
  const max = Math.max(1, ...Object.values(summary.distribution));
  return (
    <article
      className="rounded-lg border border-slate-200 bg-white p-5"
      data-testid={`org-summary-${login}`}
      aria-labelledby={`org-${login}`}
    >
      <header className="flex items-baseline justify-between">
        <h2 id={`org-${login}`} className="font-semibold">
          {name ?? login} <span className="text-sm font-normal text-slate-500">@{login}</span>
        </h2>
        <p className="text-sm text-slate-500">
          {summary.scored} of {summary.repositories} repositories scored
        </p>
      </header>
      <div className="mt-4 grid gap-6 sm:grid-cols-3">
        <div>
          <p className="text-sm text-slate-500">Mean score</p>
          <p className="text-3xl font-semibold" data-testid="mean-score">
            {formatScore(summary.meanOverall)}{" "}
            <GradeBadge grade={summary.meanGrade} className="align-middle text-sm" />
          </p>
          <p className="mt-2 text-sm">
            <span className={summary.failingCritical > 0 ? "font-semibold text-red-700" : ""}>
              {summary.failingCritical}
            </span>{" "}
            failing critical checks · {summary.failingHigh} high · coverage {formatPercent(summary.coverage)}
          </p>
        </div>
        <div>
          <p className="text-sm text-slate-500">Grades</p>
          <table className="mt-1 w-full text-sm">
            <caption className="sr-only">Repositories per grade</caption>
            <tbody>
              {Object.entries(summary.distribution).map(([grade, count]) => (
                <tr key={grade}>
                  <th scope="row" className="w-8 py-0.5 text-left font-normal">
                    <GradeBadge grade={grade} />
                  </th>
                  <td className="py-0.5">
                    <Bar percent={max > 0 ? (count / max) * 100 : 0} />
                  </td>
                  <td className="w-10 py-0.5 text-right tabular-nums">{count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div>
          <p className="text-sm text-slate-500">Worst repositories</p>
          <ol className="mt-1 space-y-1 text-sm" data-testid="worst-repos">
            {summary.worst.map((w) => (
              <li key={w.fullName} className="flex justify-between gap-2">
                <Link
                  href={repoHref(w.fullName)}
                  className="truncate underline decoration-slate-300 hover:decoration-slate-700"
                >
                  {w.fullName}
                </Link>
                <span className="tabular-nums">
                  {formatScore(w.overall)} <GradeBadge grade={w.grade} />
                </span>
              </li>
            ))}
          </ol>
        </div>
      </div>
    </article>
  );
}

export { repoHref };
