import { CATEGORIES, SEVERITIES } from "@/lib/checks/types";
import { STATUS_FILTERS, type FindingFilters } from "./finding-filters";
import { CATEGORY_LABELS } from "./labels";

const STATUS_LABELS = {
  fail: "Failing",
  accepted: "Accepted",
  pass: "Passing",
  unknown: "Unknown",
  "not-applicable": "Not applicable",
} as const;

/** A GET form: the filters land in the URL, so the view can be shared and works without JavaScript. */
export function FindingFilterForm({ filters, action }: { filters: FindingFilters; action: string }) {
  const select = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";
  return (
    <form
      method="get"
      action={`${action}#findings`}
      className="grid grid-cols-1 gap-3 sm:grid-cols-4 sm:items-end"
      aria-label="Filter findings"
    >
      <label className="text-sm text-slate-700">
        Category
        <select name="category" defaultValue={filters.category ?? ""} className={select}>
          <option value="">All categories</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_LABELS[c]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm text-slate-700">
        Severity
        <select name="severity" defaultValue={filters.severity ?? ""} className={select}>
          <option value="">All severities</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm text-slate-700">
        Status
        <select name="status" defaultValue={filters.status ?? ""} className={select}>
          <option value="">All statuses</option>
          {STATUS_FILTERS.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <div className="flex gap-3">
        <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white">
          Filter
        </button>
        <a href={`${action}#findings`} className="self-center text-sm underline">
          Clear
        </a>
      </div>
    </form>
  );
}
