import type { TrendPoint } from "@/lib/server/history/get-org-trend";

/** What the trend chart draws of one scoring: the time and the six series, nothing more. */
export interface TrendChartPoint {
  at: string;
  overall: number | null;
  identity: number | null;
  secrets: number | null;
  supplyChain: number | null;
  integrity: number | null;
  changeControl: number | null;
}

/**
 * The chart is a client component, so its props travel in the page's inline RSC payload:
 * only the drawn fields go (grade and coverage would ride along unused on every point).
 */
export function toChartPoint(p: TrendPoint): TrendChartPoint {
  return {
    at: p.at.toISOString(),
    overall: p.overall,
    identity: p.identity,
    secrets: p.secrets,
    supplyChain: p.supplyChain,
    integrity: p.integrity,
    changeControl: p.changeControl,
  };
}
