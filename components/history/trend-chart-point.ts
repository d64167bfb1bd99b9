import type { TrendPoint } from "@/lib/server/history/get-org-trend";

/** What the trend chart draws of one scoring: the time (serialisable) and the six series. */
export type TrendChartPoint = Omit<TrendPoint, "at" | "grade" | "coverage"> & { at: string };

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
