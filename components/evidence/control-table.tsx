import Link from "next/link";
import type { ControlSummary, RepoControlStatus } from "@/lib/evidence/control-view";

const BADGE: Record<string, string> = {
  pass: "bg-emerald-100 text-emerald-800",
  fail: "bg-red-100 text-red-800",
  unknown: "bg-amber-100 text-amber-800",
  exception: "bg-sky-100 text-sky-800",
  "not-applicable": "bg-slate-100 text-slate-600",
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${BADGE[status] ?? ""}`}>{status}</span>;
}

/** One row per control with repository counts; the id links to the per-control view. */
export function ControlTable({
  summaries,
  hrefFor,
}: {
  summaries: ControlSummary[];
  hrefFor: (id: string) => string;
}) {
  return (
    <table className="w-full text-left text-sm" data-testid="control-table">
      <thead className="text-slate-600">
        <tr>
          <th className="py-1">Control</th>
          <th>Title</th>
          <th>Pass</th>
          <th>Fail</th>
          <th>Unknown</th>
          <th>Exception</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        {summaries.map((s) => (
          <tr key={s.id} className="border-t border-slate-100">
            <td className="py-1 font-mono">
              <Link href={hrefFor(s.id)} className="underline">
                {s.id}
              </Link>
            </td>
            <td>{s.title}</td>
            <td>{s.counts.pass}</td>
            <td>{s.counts.fail}</td>
            <td>{s.counts.unknown}</td>
            <td>{s.counts.exception}</td>
            <td>
              <StatusBadge status={s.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every repository's status for one control, with the deciding checks and exceptions. */
export function ControlRepos({ repos }: { repos: RepoControlStatus[] }) {
  return (
    <ul className="divide-y divide-slate-100 text-sm" data-testid="control-repos">
      {repos.map((r) => (
        <li key={r.repo} className="py-2">
          <div className="flex flex-wrap items-center gap-2">
            <StatusBadge status={r.status} />
            <Link href={`/repos/${r.repo}`} className="font-medium underline">
              {r.repo}
            </Link>
            {r.critical ? <span className="text-xs text-red-700">critical</span> : null}
          </div>
          <ul className="ml-6 mt-1 space-y-0.5 text-slate-700">
            {r.checks
              .filter((c) => c.status !== "pass" && c.status !== "not-applicable")
              .map((c) => (
                <li key={c.check}>
                  <span className="font-mono">{c.check}</span>: {c.status}
                  {c.reason ? ` (${c.reason})` : ""}
                  {c.exception
                    ? ` — ${c.exception.by === "inline" ? "inline suppression" : `exception ${c.exception.id ?? ""}`}: ${c.exception.justification}${c.exception.approver ? `, approved by ${c.exception.approver}` : ""}${c.exception.expiresAt ? `, expires ${c.exception.expiresAt.slice(0, 10)}` : ""}`
                    : ""}
                </li>
              ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
