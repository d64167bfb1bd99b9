import type { Metadata } from "next";
import { AuditFilters, auditQuery, type AuditFilterValues } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { getActor } from "@/lib/auth";
import { isAppError } from "@/lib/errors";
import { listAuditEntries } from "@/lib/server/audit/list-audit-entries";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";
import { guard } from "@/lib/server/authz/guard";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

const PAGE = 200;
type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function AuditPage({ searchParams }: { searchParams: Search }) {
  const actor = await getActor();
  const q = await searchParams;
  const filters: AuditFilterValues = {
    actor: one(q.actor),
    action: one(q.action),
    target: one(q.target),
    from: one(q.from),
    to: one(q.to),
  };
  const before = one(q.before);
  const verdict = await guard(verifyAuditChain(actor));
  let entries: Awaited<ReturnType<typeof listAuditEntries>> = [];
  let error: string | null = null;
  try {
    entries = await guard(listAuditEntries(actor, { ...filters, before, limit: PAGE + 1 }));
  } catch (e) {
    if (!isAppError(e, "invalid")) throw e;
    error = e.message;
  }
  const more = entries.length > PAGE;
  const shown = entries.slice(0, PAGE);
  const older = more ? `/admin/audit${auditQuery(filters, { before: shown[shown.length - 1]!.seq })}` : null;
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
      <AuditFilters values={filters} />
      {error ? (
        <p role="alert" className="mt-3 text-sm text-red-700" data-testid="audit-filter-error">
          {error}
        </p>
      ) : null}
      <nav aria-label="Audit log pages and export" className="mt-4 flex flex-wrap items-center gap-4 text-sm">
        <span data-testid="audit-page-info">
          {shown.length === 0
            ? "No entries match."
            : `Entries #${shown[0]!.seq} to #${shown[shown.length - 1]!.seq}${before ? "" : " (newest)"}`}
        </span>
        {before ? (
          <a className="underline" href={`/admin/audit${auditQuery(filters)}`}>
            Newest entries
          </a>
        ) : null}
        {older ? (
          <a className="underline" href={older} data-testid="audit-older">
            Older entries
          </a>
        ) : null}
        <a
          className="underline"
          href={`/admin/audit/export${auditQuery(filters, { format: "csv" })}`}
          download
        >
          Export CSV
        </a>
        <a
          className="underline"
          href={`/admin/audit/export${auditQuery(filters, { format: "json" })}`}
          download
        >
          Export JSON
        </a>
      </nav>
      <AuditTable entries={shown} />
    </section>
  );
}
