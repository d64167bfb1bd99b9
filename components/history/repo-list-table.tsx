import Link from "next/link";
import type { RepoListItem } from "@/lib/server/internal/list-repos-input";
import { RepoListRows, type RepoRow } from "./repo-list-rows";

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

function toRow(r: RepoListItem): RepoRow {
  return {
    fullName: r.fullName,
    tags: [
      r.archived && "archived",
      r.empty && "empty",
      r.critical && "critical",
      r.hasProductionEnvironment && "production",
    ]
      .filter(Boolean)
      .join(" · "),
    grade: r.grade,
    scores: [r.overall, r.identity, r.secrets, r.supplyChain, r.integrity, r.changeControl],
    coverage: r.coverage,
    failingCritical: r.failingCritical,
  };
}

/**
 * One page of the repository table; headers sort (server-side), the pager moves by page.
 * Rows are lean on purpose (cell styles on the table, a plain anchor rather than a client
 * Link per row, rows drawn from data by RepoListRows): the overview serves them on every
 * request, so their bytes are most of its cost.
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
          className="w-full text-sm [&_td]:px-3 [&_td]:py-1.5 [&_td]:text-right [&_td]:text-slate-700 [&_td]:tabular-nums [&_td:first-of-type]:text-slate-900 [&_td:last-child]:text-slate-900 [&_tbody_tr]:border-b [&_tbody_tr]:border-slate-100 [&_tbody_th]:px-3 [&_tbody_th]:py-1.5 [&_tbody_th]:text-left [&_tbody_th]:font-medium [&_tbody_th]:whitespace-nowrap"
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
            <RepoListRows rows={items.map(toRow)} />
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
