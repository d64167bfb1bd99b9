import { CATEGORIES, type Category } from "@/lib/checks/types";
import { CATEGORY_LABELS, formatScore } from "./labels";
import { Bar } from "../ui/bar";

export type CategoryValues = Record<Category, number | null>;

/** The five category scores as labelled bars (a bar is absent when nothing was judged). */
export function CategoryScores({ values }: { values: CategoryValues }) {
  return (
    <dl className="grid gap-3 sm:grid-cols-5" data-testid="category-scores">
      {CATEGORIES.map((category) => {
        const value = values[category];
        return (
          <div key={category} className="rounded-lg border border-slate-200 bg-white p-3">
            <dt className="text-xs text-slate-500">{CATEGORY_LABELS[category]}</dt>
            <dd className="mt-1 text-xl font-semibold">{formatScore(value)}</dd>
            <div className="mt-2 rounded bg-slate-100" aria-hidden="true">
              <Bar percent={value ?? 0} className="h-1.5" />
            </div>
          </div>
        );
      })}
    </dl>
  );
}

export function categoryValues(row: {
  identity: number | null;
  secrets: number | null;
  supplyChain: number | null;
  integrity: number | null;
  changeControl: number | null;
}): CategoryValues {
  return {
    identity: row.identity,
    secrets: row.secrets,
    "supply-chain": row.supplyChain,
    integrity: row.integrity,
    "change-control": row.changeControl,
  };
}
