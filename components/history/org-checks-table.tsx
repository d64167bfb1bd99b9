import Link from "next/link";
import type { OrgCheckItem } from "@/lib/server/history/list-org-checks";
import type { Severity } from "@/lib/checks/types";
import { SeverityBadge } from "@/components/scores/severity-badge";
import { CATEGORY_LABELS } from "@/components/scores/labels";
import type { Category } from "@/lib/checks/types";

const COLUMNS = [
  ["check", "Check"],
  ["severity", "Severity"],
  ["category", "Category"],
  ["failing", "Repositories failing"],
] as const;

/**
 * Checks with how many repositories fail each; a check opens its failing repositories.
 * With `sortHref` the headers sort (the /checks page); without, the rows are as given (the
 * overview's top few). Cell styles sit on the table, not on each cell, and row links are
 * plain anchors (no client Link per row): every row costs bytes twice, in the HTML and in
 * the page's inline RSC payload.
 */
export function OrgChecksTable({
  items,
  sort,
  sortHref,
  checkHref,
  caption,
}: {
  items: OrgCheckItem[];
  sort: string;
  sortHref?: (sort: string) => string;
  checkHref: (check: string) => string;
  caption: string;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table
        className="w-full text-sm [&_td]:px-3 [&_td]:py-1.5 [&_tbody_tr]:border-b [&_tbody_tr]:border-slate-100 [&_tbody_th]:px-3 [&_tbody_th]:py-1.5 [&_tbody_th]:text-left [&_tbody_th]:font-normal"
        data-testid="org-checks"
      >
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-600">
            {COLUMNS.map(([key, label]) => (
              <th
                key={key}
                scope="col"
                className="px-3 py-2 font-medium"
                aria-sort={
                  sort === key
                    ? key === "failing" || key === "severity"
                      ? "descending"
                      : "ascending"
                    : undefined
                }
              >
                {sortHref ? (
                  <Link
                    href={sortHref(key)}
                    className="underline decoration-slate-300 hover:decoration-slate-700"
                  >
                    {label}
                  </Link>
                ) : (
                  label
                )}
              </th>
            ))}
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Judged
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.check} data-testid="org-check-row">
              <th scope="row">
                <a href={checkHref(c.check)} className="font-medium underline">
                  {c.check}
                </a>
                <span className="block text-xs text-slate-600">{c.title}</span>
              </th>
              <td>
                <SeverityBadge severity={c.severity as Severity} />
              </td>
              <td className="text-slate-700">{CATEGORY_LABELS[c.category as Category] ?? c.category}</td>
              <td className="tabular-nums" data-testid="failing-count">
                {c.failing}
                {c.orgFailing ? (
                  <span className="ml-2 text-xs text-red-800">+ organisation setting</span>
                ) : null}
              </td>
              <td className="text-right tabular-nums text-slate-600">
                {c.total}
                {c.unknown > 0 ? <span className="block text-xs">{c.unknown} unknown</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
