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

/** Every check with how many repositories fail it; headers sort, a check opens its failing repositories. */
export function OrgChecksTable({
  items,
  sort,
  sortHref,
  checkHref,
}: {
  items: OrgCheckItem[];
  sort: string;
  sortHref: (sort: string) => string;
  checkHref: (check: string) => string;
}) {
  return (
    <div className="max-h-[28rem] overflow-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm" data-testid="org-checks">
        <caption className="sr-only">Checks across the organisation, sorted by {sort}</caption>
        <thead className="sticky top-0 bg-white">
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
                <Link
                  href={sortHref(key)}
                  className="underline decoration-slate-300 hover:decoration-slate-700"
                >
                  {label}
                </Link>
              </th>
            ))}
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Judged
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.check} className="border-b border-slate-100" data-testid="org-check-row">
              <th scope="row" className="px-3 py-1.5 text-left font-normal">
                <Link
                  href={checkHref(c.check)}
                  className="font-medium underline decoration-slate-300 hover:decoration-slate-700"
                >
                  {c.check}
                </Link>
                <span className="block text-xs text-slate-600">{c.title}</span>
              </th>
              <td className="px-3 py-1.5">
                <SeverityBadge severity={c.severity as Severity} />
              </td>
              <td className="px-3 py-1.5 text-slate-700">
                {CATEGORY_LABELS[c.category as Category] ?? c.category}
              </td>
              <td className="px-3 py-1.5 tabular-nums" data-testid="failing-count">
                {c.failing}
                {c.orgFailing ? (
                  <span className="ml-2 text-xs text-red-800">+ organisation setting</span>
                ) : null}
              </td>
              <td className="px-3 py-1.5 text-right tabular-nums text-slate-600">
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
