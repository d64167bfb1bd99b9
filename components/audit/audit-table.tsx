import type { listAuditEntries } from "@/lib/server/audit/list-audit-entries";

type Entry = Awaited<ReturnType<typeof listAuditEntries>>[number];

export function AuditTable({ entries }: { entries: Entry[] }) {
  return (
    // The table scrolls inside its own focusable box, so the page keeps the screen's width (390 px).
    <div
      className="mt-4 overflow-x-auto"
      tabIndex={0}
      role="region"
      aria-label="Audit entries"
      data-testid="audit-scroll"
    >
      <table className="w-full border-collapse bg-white text-sm">
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-600">
            <th className="px-3 py-2 font-medium">#</th>
            <th className="px-3 py-2 font-medium">Time (UTC)</th>
            <th className="px-3 py-2 font-medium">Actor</th>
            <th className="px-3 py-2 font-medium">Action</th>
            <th className="px-3 py-2 font-medium">Target</th>
            <th className="px-3 py-2 font-medium">From</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq} className="border-b border-slate-100 align-top" data-testid="audit-row">
              <td className="px-3 py-2 text-slate-600" data-testid="audit-seq">
                {e.seq}
              </td>
              <td className="px-3 py-2 font-mono text-xs">{e.occurredAt.toISOString()}</td>
              <td className="px-3 py-2" title={e.actorId ?? undefined}>
                {e.actorName}
              </td>
              <td className="px-3 py-2 font-mono text-xs">{e.action}</td>
              <td className="px-3 py-2 text-xs" title={e.targetId ?? undefined}>
                {e.targetName}
                {e.targetType ? <span className="block text-slate-600">{e.targetType}</span> : null}
              </td>
              <td className="px-3 py-2 text-xs text-slate-600">
                {e.ip ?? ""}
                <br />
                <span className="line-clamp-1 max-w-xs">{e.userAgent ?? ""}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
