import type { PolicyRescoreView } from "@/lib/server/policy/get-policy-rescore";
import { AutoRefresh } from "../sync/auto-refresh";
import { ProgressBar } from "../ui/progress-bar";
import { UtcTime } from "../ui/utc-time";

/** The re-scoring queued by the last policy save: a progress bar while it runs (the page polls), then how it ended. */
export function RescoreProgress({ run }: { run: PolicyRescoreView | null }) {
  if (!run) return null;
  const active = run.status === "queued" || run.status === "running";
  if (run.status === "failed") {
    return (
      <p role="alert" className="text-sm text-red-700" data-testid="rescore-failed">
        Re-scoring under version {run.policyVersion} failed: {run.errorMessage ?? "unknown error"}. Scores
        still use the previous version until the next save or sync.
      </p>
    );
  }
  return (
    <div data-testid="rescore-progress" data-status={run.status} className="space-y-1">
      <AutoRefresh active={active} intervalMs={1500} />
      <div className="flex justify-between text-sm">
        <span className="font-medium">
          Re-scoring under version {run.policyVersion} · {run.status}
        </span>
        <span>{run.percent}%</span>
      </div>
      <ProgressBar percent={run.percent} label="Re-scoring progress" fill="fill-slate-900" />
      <p className="text-xs text-slate-600" role="status">
        {active ? (
          `${run.reposDone} of ${run.reposTotal || "…"} repositories re-scored.`
        ) : (
          <>
            Done: {run.reposDone} repositories re-scored
            {run.finishedAt ? (
              <>
                {" "}
                at <UtcTime at={run.finishedAt} />
              </>
            ) : null}
            .
          </>
        )}
      </p>
    </div>
  );
}
