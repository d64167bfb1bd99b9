import Link from "next/link";
import type { RepoListItem } from "@/lib/server/internal/list-repos-input";
import { GradeBadge } from "@/components/scores/grade-badge";
import { formatPercent, formatScore } from "@/components/scores/labels";
import { repoHref } from "@/components/scores/repo-href";

const COLUMNS = [
  ["name", "Repository", false],
  ["overall", "Overall", true],
  ["identity", "Identity", true],
  ["secrets", "Secrets", true],
  ["supplyChain", "Supply chain", true],
  ["integrity", "Integrity", true],
  ["changeControl", "Change control", true],
  ["coverage", "Coverage", true],
  ["failingCritical", "Critical", true],
] as const;

/**
 * One page of the repository table; headers sort (server-side), the pager moves by page.
 * Rows are lean on purpose (cell styles on the table, a plain anchor rather than a client
 * Link per row, no empty tag span): each row is paid for twice, in the HTML and again in
 * the page's inline RSC payload, on every overview request.
 */
export function RepoListTable({
  items,
  total,
  page,
  pageSize,
  sort,
  dir,
  sortHref,
  pageHref,
}: {
  items: RepoListItem[];
  total: number;
  page: number;
  pageSize: number;
  sort: string;
  dir: "asc" | "desc";
  sortHref: (sort: string, dir: "asc" | "desc") => string;
  pageHref: (page: number) => string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table
          className="w-full text-sm [&_td]:px-3 [&_td]:py-1.5 [&_td]:text-right [&_td]:text-slate-700 [&_td]:tabular-nums [&_td:first-of-type]:text-slate-900 [&_td:last-child]:text-slate-900 [&_tbody_tr]:border-b [&_tbody_tr]:border-slate-100"
          data-testid="repo-table"
        >
          <caption className="sr-only">
            Repositories sorted by {sort} ({dir === "asc" ? "ascending" : "descending"}), page {page} of{" "}
            {pages}
          </caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-600">
              {COLUMNS.map(([key, label, numeric]) => {
                const active = sort === key;
                const nextDir = active && dir === "asc" ? "desc" : "asc";
                return (
                  <th
                    key={key}
                    scope="col"
                    className={`px-3 py-2 font-medium ${numeric ? "text-right" : ""}`}
                    aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}
                  >
                    <Link
                      href={sortHref(key, nextDir)}
                      className="underline decoration-slate-300 hover:decoration-slate-700"
                    >
                      {label}
                      {active ? (dir === "asc" ? " ↑" : " ↓") : ""}
                    </Link>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {items.map((r) => {
              const tags = [
                r.archived && "archived",
                r.empty && "empty",
                r.critical && "critical",
                r.hasProductionEnvironment && "production",
              ].filter(Boolean);
              return (
                <tr key={r.fullName} data-testid="repo-row">
                  <th scope="row" className="px-3 py-1.5 text-left font-medium whitespace-nowrap">
                    <a href={repoHref(r.fullName)} className="underline">
                      {r.fullName}
                    </a>
                    {tags.length ? (
                      <span className="ml-2 text-xs font-normal text-slate-600">{tags.join(" · ")}</span>
                    ) : null}
                  </th>
                  <td data-testid="overall">
                    {formatScore(r.overall)} <GradeBadge grade={r.grade} />
                  </td>
                  <td>{formatScore(r.identity)}</td>
                  <td>{formatScore(r.secrets)}</td>
                  <td>{formatScore(r.supplyChain)}</td>
                  <td>{formatScore(r.integrity)}</td>
                  <td>{formatScore(r.changeControl)}</td>
                  <td>{formatPercent(r.coverage)}</td>
                  <td>{r.failingCritical}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <nav
        aria-label="Repository pages"
        className="mt-3 flex items-center justify-between text-sm text-slate-700"
      >
        <span data-testid="repo-total">
          {total} {total === 1 ? "repository" : "repositories"} · page {page} of {pages}
        </span>
        <span className="flex gap-4">
          {page > 1 ? (
            <Link href={pageHref(page - 1)} className="underline">
              Previous
            </Link>
          ) : null}
          {page < pages ? (
            <Link href={pageHref(page + 1)} className="underline">
              Next
            </Link>
          ) : null}
        </span>
      </nav>
    </div>
  );
}
