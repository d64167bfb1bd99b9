import type { Category, Confidence, Severity } from "@/lib/checks/types";

export const CATEGORY_LABELS: Record<Category, string> = {
  identity: "Identity & access",
  secrets: "Secrets",
  "supply-chain": "Supply chain",
  integrity: "Build & release integrity",
  "change-control": "Change control",
};

export const SEVERITY_STYLES: Record<Severity, string> = {
  critical: "bg-red-100 text-red-800 ring-red-200",
  high: "bg-orange-100 text-orange-800 ring-orange-200",
  medium: "bg-amber-50 text-amber-800 ring-amber-200",
  low: "bg-slate-100 text-slate-700 ring-slate-200",
};
export const CONFIDENCE_LABELS: Record<Confidence, string> = {
  high: "high confidence",
  medium: "medium confidence",
  low: "low confidence",
};

/** A score with one decimal, or an em dash when nothing could be judged. */
export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : value.toFixed(1);
}

export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : `${Math.round(value * 100)}%`;
}
