import Link from "next/link";
import type { listRepoScores } from "@/lib/server/scores/list-repo-scores";
import { GradeBadge } from "./grade-badge";
import { CATEGORY_LABELS, formatPercent, formatScore } from "./labels";
import { repoHref } from "./org-summary-card";

type Page = Awaited<ReturnType<typeof listRepoScores>>;

const CATEGORY_COLUMNS = [
  ["identity", CATEGORY_LABELS.identity],
  ["secrets", CATEGORY_LABELS.secrets],
  ["supplyChain", CATEGORY_LABELS["supply-chain"]],
  ["integrity", CATEGORY_LABELS.integrity],
  ["changeControl", CATEGORY_LABELS["change-control"]],
] as const;

/** Repositories worst first, with a link to each one's findings; `pageHref` builds the pager's links. */
export function RepoScoreTable({
  data,
  pageHref,
  caption,
}: {
  data: Page;
  pageHref: (page: number) => string;
  caption: string;
}) {
  return (
    <div>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-sm" data-testid="repo-scores">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-500">
              <th scope="col" className="px-3 py-2 font-medium">
                Repository
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Overall
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Grade
              </th>
              {CATEGORY_COLUMNS.map(([key, label]) => (
                <th key={key} scope="col" className="px-3 py-2 text-right font-medium">
                  {label}
                </th>
              ))}
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Coverage
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Critical
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                High
              </th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => (
              <tr key={row.fullName} className="border-b border-slate-100" data-testid="repo-row">
                <th scope="row" className="px-3 py-2 text-left font-medium whitespace-nowrap">
                  <Link
                    href={repoHref(row.fullName)}
                    className="underline decoration-slate-300 hover:decoration-slate-700"
                  >
                    {row.fullName}
                  </Link>
                  {row.archived ? (
                    <span className="ml-2 text-xs font-normal text-slate-500">archived</span>
                  ) : null}
                </th>
                <td className="px-3 py-2 text-right tabular-nums" data-testid="overall">
                  {formatScore(row.overall)}
                </td>
                <td className="px-3 py-2">
                  <GradeBadge grade={row.grade} />
                </td>
                {CATEGORY_COLUMNS.map(([key]) => (
                  <td key={key} className="px-3 py-2 text-right tabular-nums text-slate-700">
                    {formatScore(row[key])}
                  </td>
                ))}
                <td className="px-3 py-2 text-right tabular-nums">{formatPercent(row.coverage)}</td>
                <td
                  className={`px-3 py-2 text-right tabular-nums ${row.failingCritical > 0 ? "font-semibold text-red-700" : ""}`}
                >
                  {row.failingCritical}
                </td>
                <td
                  className={`px-3 py-2 text-right tabular-nums ${row.failingHigh > 0 ? "text-orange-700" : ""}`}
                >
                  {row.failingHigh}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.pages > 1 ? (
        <nav aria-label="Pages" className="mt-3 flex items-center gap-3 text-sm">
          {data.page > 1 ? (
            <Link href={pageHref(data.page - 1)} className="underline">
              Previous
            </Link>
          ) : null}
          <span className="text-slate-500">
            Page {data.page} of {data.pages} ({data.total} repositories)
          </span>
          {data.page < data.pages ? (
            <Link href={pageHref(data.page + 1)} className="underline">
              Next
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
