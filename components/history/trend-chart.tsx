"use client";
import { useSyncExternalStore } from "react";
import type { TrendChartPoint } from "./trend-chart-point";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// Colours picked for contrast on white and to stay apart for common colour-vision types;
// the overall line is thicker so it reads first.
const SERIES = [
  { key: "overall", name: "Overall", color: "#0f172a", width: 3 },
  { key: "identity", name: "Identity & access", color: "#2563eb", width: 1.5 },
  { key: "secrets", name: "Secrets", color: "#b45309", width: 1.5 },
  { key: "supplyChain", name: "Supply chain", color: "#7c3aed", width: 1.5 },
  { key: "integrity", name: "Build & release integrity", color: "#047857", width: 1.5 },
  { key: "changeControl", name: "Change control", color: "#be123c", width: 1.5 },
] as const;

const day = (iso: string) =>
  new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** Overall and per-category scores over time, one point per scoring (server-rendered data, drawn by recharts). */
const noSubscription = () => () => {};

export function TrendChart({ points }: { points: TrendChartPoint[] }) {
  // Drawn after hydration only: recharts' server-rendered HTML carries style="" attributes,
  // which the CSP refuses (no 'unsafe-inline'); styles React sets in the browser go through
  // the CSSOM, which the CSP allows.
  const mounted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  return (
    <div className="h-72 w-full" data-testid="trend-chart">
      {mounted ? (
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid stroke="#e2e8f0" />
            <XAxis dataKey="at" tickFormatter={day} tick={{ fontSize: 12 }} minTickGap={24} />
            <YAxis domain={[0, 100]} tick={{ fontSize: 12 }} width={36} />
            <Tooltip labelFormatter={(v) => day(String(v))} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {SERIES.map((s) => (
              <Line
                key={s.key}
                type="monotone"
                dataKey={s.key}
                name={s.name}
                stroke={s.color}
                strokeWidth={s.width}
                dot={points.length < 15}
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      ) : null}
    </div>
  );
}
