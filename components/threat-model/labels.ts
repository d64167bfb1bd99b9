import type { CheckStatus } from "@/lib/threat-model/live-status";
import type { ThreatStatus } from "@/lib/threat-model/model";

export const STATUS_TONE: Record<ThreatStatus, string> = {
  open: "bg-red-100 text-red-800",
  mitigated: "bg-emerald-100 text-emerald-800",
  accepted: "bg-amber-100 text-amber-900",
  transferred: "bg-sky-100 text-sky-900",
};

export const LIVE_LABEL: Record<CheckStatus | "missing", string> = {
  pass: "passing",
  fail: "failing",
  "not-applicable": "not applicable",
  unknown: "unknown",
  missing: "not scored",
};

export const LIVE_TONE: Record<CheckStatus | "missing", string> = {
  pass: "text-emerald-700",
  fail: "font-semibold text-red-700",
  "not-applicable": "text-slate-600",
  unknown: "text-slate-600",
  missing: "text-slate-600",
};

export const inputClass = "rounded-md border border-slate-300 px-2 py-1 text-sm";
export const buttonClass =
  "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-50 disabled:opacity-60";
export const primaryButtonClass =
  "rounded-md bg-slate-900 px-3 py-1.5 text-sm text-white disabled:opacity-60";

/** Short, unique-enough ids for entities created in the browser (the schema checks uniqueness). */
export function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
}
