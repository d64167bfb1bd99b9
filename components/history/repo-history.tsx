import type { getRepoHistory } from "@/lib/server/history/get-repo-history";
import { SeverityBadge } from "@/components/scores/severity-badge";
import type { Severity } from "@/lib/checks/types";
import { TrendChart } from "./trend-chart";

type History = Awaited<ReturnType<typeof getRepoHistory>>;
const day = (d: Date) => d.toISOString().slice(0, 10);

/** The repository's score over the last 90 days and the findings fixed in that time. */
export function RepoHistory({ history }: { history: History }) {
  return (
    <section aria-labelledby="history" className="space-y-3" data-testid="repo-history">
      <h2 id="history" className="text-lg font-semibold">
        History (90 days)
      </h2>
      {history.points.length < 2 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-700">
          No change recorded yet: a point is added whenever a scoring finds this repository&apos;s posture
          changed.
        </p>
      ) : (
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <TrendChart points={history.points.map((p) => ({ ...p, at: p.at.toISOString() }))} />
        </div>
      )}
      <h3 className="font-semibold text-slate-800">Recently fixed</h3>
      {history.fixed.length === 0 ? (
        <p className="text-sm text-slate-700">No finding fixed in the last 90 days.</p>
      ) : (
        <ul className="space-y-1 text-sm" data-testid="recently-fixed">
          {history.fixed.map((f) => (
            <li key={f.fingerprint} className="flex flex-wrap items-baseline gap-2">
              <SeverityBadge severity={f.severity as Severity} />
              <span className="font-medium">{f.checkId}</span>
              <span className="font-mono text-xs text-slate-700">
                {f.location.replace(/^(file|api):/, "")}
                {f.line ? `:${f.line}` : ""}
              </span>
              <span className="text-slate-700">
                first seen {day(f.firstSeenAt)}, fixed {f.fixedAt ? day(f.fixedAt) : "—"}
                {f.reopenCount > 0 ? ` (reopened ${f.reopenCount}×)` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
