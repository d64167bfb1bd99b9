import { ProgressBar } from "@/components/ui/progress-bar";

interface PackRow {
  id: string;
  framework: string;
  asOf: Date;
  status: string;
  step: string | null;
  progressDone: number;
  progressTotal: number;
  repoCount: number | null;
  sha256: string | null;
  sizeBytes: number | null;
  errorMessage: string | null;
  expired: boolean;
  expiresAt: Date | null;
}

/** Recent exports with a progress bar while they build and a download link once done. */
export function PackList({ packs }: { packs: PackRow[] }) {
  if (!packs.length) return <p className="text-sm text-slate-600">No packs exported yet.</p>;
  return (
    <ul
      className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white"
      data-testid="pack-list"
    >
      {packs.map((p) => {
        const pct =
          p.status === "succeeded"
            ? 100
            : p.progressTotal
              ? Math.round((p.progressDone / p.progressTotal) * 100)
              : 0;
        return (
          <li key={p.id} className="space-y-1 p-3 text-sm" data-testid={`pack-${p.id}`}>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span>
                <strong>{p.framework}</strong> as of {p.asOf.toISOString().slice(0, 10)} · {p.status}
                {p.repoCount !== null ? ` · ${p.repoCount} repositories` : ""}
                {p.sizeBytes !== null ? ` · ${(p.sizeBytes / 1024).toFixed(0)} KiB` : ""}
              </span>
              {p.status === "succeeded" && !p.expired ? (
                <a
                  href={`/api/v1/evidence-packs/${p.id}/download`}
                  className="rounded-md border border-slate-300 px-2 py-0.5"
                  data-testid="download-pack"
                >
                  Download
                </a>
              ) : p.expired ? (
                <span className="text-slate-500">expired</span>
              ) : null}
            </div>
            {p.status === "queued" || p.status === "running" ? (
              <ProgressBar
                percent={pct}
                label={`Export progress: ${p.step ?? "queued"}`}
                className="h-2 w-full rounded bg-slate-100"
              />
            ) : null}
            {p.sha256 ? <p className="font-mono text-xs text-slate-500">sha256 {p.sha256}</p> : null}
            {p.errorMessage ? <p className="text-red-700">{p.errorMessage}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}
