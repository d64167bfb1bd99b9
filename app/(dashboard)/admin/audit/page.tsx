import type { Metadata } from "next";
import { getActor } from "@/lib/auth";
import { listAuditEntries } from "@/lib/server/audit/list-audit-entries";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";
import { guard } from "@/lib/server/authz/guard";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  const actor = await getActor();
  const [entries, verdict] = await guard(
    Promise.all([listAuditEntries(actor, { limit: 200 }), verifyAuditChain(actor)]),
  );
  return (
    <section>
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <p
        data-testid="chain-status"
        className={`mt-2 text-sm ${verdict.ok ? "text-emerald-700" : "text-red-700"}`}
      >
        {verdict.ok
          ? `Hash chain intact: ${verdict.checked} entries verified.`
          : `Hash chain broken at entry #${verdict.brokenSeq} (${verdict.reason}); ${verdict.checked} entries verified before it.`}
      </p>
      {/* The table scrolls inside its own box, so the page keeps the screen's width (390 px phones). */}
      <div
        className="mt-6 overflow-x-auto"
        tabIndex={0}
        role="region"
        aria-label="Audit entries"
        data-testid="audit-scroll"
      >
        <table className="w-full border-collapse bg-white text-sm">
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-500">
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
                <td className="px-3 py-2 text-slate-500">{e.seq}</td>
                <td className="px-3 py-2 font-mono text-xs">{e.occurredAt.toISOString()}</td>
                <td className="px-3 py-2">{e.actorLogin ?? e.actorId ?? "system"}</td>
                <td className="px-3 py-2 font-mono text-xs">{e.action}</td>
                <td className="px-3 py-2 text-xs">
                  {e.targetType ? `${e.targetType}:${e.targetId ?? ""}` : ""}
                </td>
                <td className="px-3 py-2 text-xs text-slate-500">
                  {e.ip ?? ""}
                  <br />
                  <span className="line-clamp-1 max-w-xs">{e.userAgent ?? ""}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
