import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MAX_PAGE } from "@/lib/http/limits";
import { getActor } from "@/lib/auth";
import { listOrganizations } from "@/lib/server/orgs/list-organizations";
import { guard } from "@/lib/server/authz/guard";
import { getOrgSummary } from "@/lib/server/scores/get-org-summary";
import { listRepoScores } from "@/lib/server/scores/list-repo-scores";
import { OrgSummaryCard } from "@/components/scores/org-summary-card";
import { RepoScoreTable } from "@/components/scores/repo-score-table";

export const metadata: Metadata = { title: "Overview" };

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function OverviewPage({ searchParams }: { searchParams: Search }) {
  const actor = await getActor();
  const query = await searchParams;
  const orgs = await guard(listOrganizations(actor));
  const selected = orgs.find((o) => o.login === one(query.org));
  const page = Math.max(1, Number.parseInt(one(query.page) ?? "1", 10) || 1);
  // A page no list can have is a 404, not a database error (OFFSET beyond bigint).
  if (page > MAX_PAGE) notFound();
  const [summaries, table] = await Promise.all([
    guard(Promise.all(orgs.map((o) => getOrgSummary(actor, { organizationId: o.id })))),
    guard(listRepoScores(actor, { organizationId: selected?.id, page })),
  ]);
  const href = (p: { org?: string; page?: number }) => {
    const params = new URLSearchParams();
    if (p.org) params.set("org", p.org);
    if (p.page && p.page > 1) params.set("page", String(p.page));
    const s = params.toString();
    return s ? `/?${s}` : "/";
  };

  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Overview</h1>
        <p className="mt-1 text-slate-600">
          Supply-chain posture per organisation, from the last sync, scored under the active policy.
        </p>
      </div>
      {orgs.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-slate-600">
          No organisation synced yet. An admin can connect GitHub and start a sync.
        </p>
      ) : (
        <>
          {orgs.map((o, i) => (
            <OrgSummaryCard key={o.id} login={o.login} name={o.name} summary={summaries[i]!} />
          ))}
          <div>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="text-lg font-semibold">Repositories, worst first</h2>
              {orgs.length > 1 ? (
                <nav aria-label="Organisation filter" className="flex gap-3 text-sm">
                  <Link
                    href={href({})}
                    aria-current={selected ? undefined : "page"}
                    className={selected ? "underline" : "font-semibold"}
                  >
                    All
                  </Link>
                  {orgs.map((o) => (
                    <Link
                      key={o.id}
                      href={href({ org: o.login })}
                      aria-current={selected?.id === o.id ? "page" : undefined}
                      className={selected?.id === o.id ? "font-semibold" : "underline"}
                    >
                      {o.login}
                    </Link>
                  ))}
                </nav>
              ) : null}
            </div>
            {table.total === 0 ? (
              <p className="mt-3 rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-600">
                No repository has been scored yet: scores appear after the first sync.
              </p>
            ) : (
              <div className="mt-3">
                <RepoScoreTable
                  data={table}
                  caption="Repositories by overall score, lowest first"
                  pageHref={(p) => href({ org: selected?.login, page: p })}
                />
              </div>
            )}
          </div>
        </>
      )}
    </section>
  );
}
