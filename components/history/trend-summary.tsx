import type { getRepoHistory } from "@/lib/server/history/get-repo-history";
import { formatScore } from "@/components/scores/labels";

type History = Awaited<ReturnType<typeof getRepoHistory>>;

/** One line: how the overall score moved over the history window, linking to the chart. */
export function TrendSummary({ history }: { history: History }) {
  const values = history.points.map((p) => p.overall).filter((v): v is number => v !== null);
  const first = values[0];
  const last = values[values.length - 1];
  const delta = first !== undefined && last !== undefined ? Math.round((last - first) * 10) / 10 : null;
  return (
    <p className="text-sm text-slate-700" data-testid="trend-summary">
      Trend (90 days):{" "}
      {values.length < 2 || delta === null
        ? "no change recorded yet"
        : delta === 0
          ? `unchanged at ${formatScore(last)}`
          : `${delta > 0 ? "up" : "down"} ${Math.abs(delta).toFixed(1)} points, from ${formatScore(first)} to ${formatScore(last)}`}{" "}
      ·{" "}
      <a href="#history" className="underline">
        history
      </a>
    </p>
  );
}
