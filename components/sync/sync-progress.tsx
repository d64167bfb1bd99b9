import { ProgressBar } from "../ui/progress-bar";

interface Active {
  kind: string;
  status: string;
  listingComplete: boolean;
  reposSeen: number;
  reposChanged: number;
  reposDone: number;
  batchesTotal: number;
  batchesDone: number;
  percent: number | null;
}

export function SyncProgress({
  active,
  lastSucceededAt,
}: {
  active: Active | null;
  lastSucceededAt: Date | null;
}) {
  if (!active) {
    return (
      <p className="text-sm text-slate-600" data-testid="sync-idle">
        No sync running.{" "}
        {lastSucceededAt
          ? `Last completed ${lastSucceededAt.toISOString().replace("T", " ").slice(0, 16)} UTC.`
          : "Never synced."}
      </p>
    );
  }
  const percent = active.percent ?? 0;
  const detail = !active.listingComplete
    ? "Listing repositories…"
    : `${active.reposDone} of ${active.reposChanged} changed repositories (${active.reposSeen} listed), batch ${active.batchesDone}/${active.batchesTotal}`;
  return (
    <div data-testid="sync-progress">
      <div className="flex justify-between text-sm">
        <span className="font-medium">
          {active.kind === "full" ? "Full refresh" : active.kind === "targeted" ? "Targeted resync" : "Sync"}{" "}
          · {active.status}
        </span>
        <span>{percent}%</span>
      </div>
      <ProgressBar
        percent={percent}
        label="Sync progress"
        className="mt-1 h-2 w-full rounded bg-slate-200"
        fill="fill-slate-900"
      />
      <p className="mt-1 text-xs text-slate-500">{detail}</p>
    </div>
  );
}
