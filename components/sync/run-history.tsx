/** One failed request of the run (lib/github's ErrorSample, as list-sync-runs returns it). */
interface ErrorSample {
  kind: string;
  method?: string;
  path?: string;
  status?: number;
  message?: string;
}

interface Run {
  id: string;
  kind: string;
  status: string;
  trigger: string;
  createdAt: Date;
  durationMs: number | null;
  reposSeen: number;
  reposChanged: number;
  restRequests: number;
  restNotModified: number;
  graphqlQueries: number;
  graphqlPoints: number;
  rateLimitRemaining: number | null;
  errors: unknown;
  errorDetails: ErrorSample[];
  errorMessage: string | null;
}

/** The counts ("not_found 3") open to the failed requests behind them. */
function ErrorCell({ run }: { run: Run }) {
  const counts = errorsOf(run.errors);
  const message = run.errorMessage ? <span className="block text-red-700">{run.errorMessage}</span> : null;
  if (run.errorDetails.length === 0)
    return (
      <>
        {counts}
        {message}
      </>
    );
  return (
    <details data-testid="sync-error-details">
      <summary className="cursor-pointer underline">{counts || "details"}</summary>
      <ul className="mt-1 space-y-1">
        {run.errorDetails.map((e, i) => (
          <li key={i} className="font-mono break-all">
            {e.kind}
            {e.status ? ` ${e.status}` : ""}: {e.method ?? ""} {e.path ?? ""}
            {e.message ? <span className="block font-sans text-slate-600">{e.message}</span> : null}
          </li>
        ))}
      </ul>
      {message}
    </details>
  );
}

function errorsOf(e: unknown): string {
  if (!e || typeof e !== "object") return "";
  return Object.entries(e as Record<string, number>)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
}

const STATUS_CLASS: Record<string, string> = {
  succeeded: "text-emerald-700",
  failed: "text-red-700",
  running: "text-sky-700",
  queued: "text-slate-600",
};

export function RunHistory({ runs }: { runs: Run[] }) {
  if (runs.length === 0) return <p className="text-sm text-slate-600">No runs yet.</p>;
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Sync runs">
      <table className="w-full border-collapse bg-white text-sm" data-testid="sync-runs">
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-500">
            <th className="px-3 py-2 font-medium">Started</th>
            <th className="px-3 py-2 font-medium">Kind</th>
            <th className="px-3 py-2 font-medium">Status</th>
            <th className="px-3 py-2 text-right font-medium">Repos seen / changed</th>
            <th className="px-3 py-2 text-right font-medium">REST (304)</th>
            <th className="px-3 py-2 text-right font-medium">GraphQL (points)</th>
            <th className="px-3 py-2 text-right font-medium">Rate limit left</th>
            <th className="px-3 py-2 text-right font-medium">Duration</th>
            <th className="px-3 py-2 font-medium">Errors</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id} className="border-b border-slate-100">
              <td className="px-3 py-2 whitespace-nowrap">
                {r.createdAt.toISOString().replace("T", " ").slice(0, 16)}
              </td>
              <td className="px-3 py-2">
                {r.kind} <span className="text-slate-500">· {r.trigger}</span>
              </td>
              <td className={`px-3 py-2 ${STATUS_CLASS[r.status] ?? ""}`}>{r.status}</td>
              <td className="px-3 py-2 text-right tabular-nums">
                {r.reposSeen} / {r.reposChanged}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">
                {r.restRequests} ({r.restNotModified})
              </td>
              <td className="px-3 py-2 text-right tabular-nums">
                {r.graphqlQueries} ({r.graphqlPoints})
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{r.rateLimitRemaining ?? "—"}</td>
              <td className="px-3 py-2 text-right tabular-nums">
                {r.durationMs === null ? "—" : `${(r.durationMs / 1000).toFixed(1)} s`}
              </td>
              <td className="px-3 py-2 text-xs text-slate-600">
                <ErrorCell run={r} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
