import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MAX_PAGE } from "@/lib/http/limits";
import { getActor } from "@/lib/auth";
import { catalogue } from "@/lib/checks/catalogue";
import { listOrganizations } from "@/lib/server/orgs/list-organizations";
import { guard } from "@/lib/server/authz/guard";
import { getOrgSnapshot } from "@/lib/server/history/get-org-snapshot";
import { getOrgTrend } from "@/lib/server/history/get-org-trend";
import { listOrgChecks } from "@/lib/server/history/list-org-checks";
import { listRepos } from "@/lib/server/repos/list-repos";
import { listReposInput } from "@/lib/server/internal/list-repos-input";
import { OrgHeadline } from "@/components/history/org-headline";
import { ScoreExplainer } from "@/components/history/score-explainer";
import { TrendChart } from "@/components/history/trend-chart";
import { toChartPoint } from "@/components/history/trend-chart-point";
import { OrgChecksTable } from "@/components/history/org-checks-table";
import { RepoFilterForm } from "@/components/history/repo-filter-form";
import { RepoListTable } from "@/components/history/repo-list-table";
import { flatParams, overviewHref, type Params } from "@/components/history/overview-url";

export const metadata: Metadata = { title: "Overview" };

type Search = Promise<Record<string, string | string[] | undefined>>;
const RANGES = [7, 30, 90] as const;
/** The overview shows the most-failed few; /checks lists the whole catalogue. */
const TOP_CHECKS = 10;
const TABLE_KEYS = [
  "q",
  "grade",
  "failing",
  "severity",
  "category",
  "min",
  "max",
  "owner",
  "visibility",
  "critical",
  "production",
  "archived",
  "empty",
  "sort",
  "dir",
  "page",
];

export default async function OverviewPage({ searchParams }: { searchParams: Search }) {
  const actor = await getActor();
  const params = flatParams(await searchParams);
  // A page no list can have is a 404 (malformed input gets a 4xx, never a 500).
  if (params.page !== undefined && !(Number(params.page) >= 1 && Number(params.page) <= MAX_PAGE)) notFound();
  const orgs = await guard(listOrganizations(actor));
  const org = orgs.find((o) => o.login === params.org) ?? orgs[0];
  if (!org)
    return (
      <section className="space-y-4">
        <h1 className="text-2xl font-semibold">Overview</h1>
        <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-slate-700">
          No organisation synced yet. An admin can connect GitHub and start a sync.
        </p>
      </section>
    );
  const days = RANGES.find((d) => String(d) === params.days) ?? 30;
  // A malformed parameter (hand-edited URL) falls back to the default view, not an error page.
  const tableRaw = Object.fromEntries(TABLE_KEYS.filter((k) => params[k]).map((k) => [k, params[k]]));
  const parsed = listReposInput.safeParse({ organizationId: org.id, ...tableRaw });
  const query = parsed.success ? parsed.data : listReposInput.parse({ organizationId: org.id });
  const [snapshot, trend, checks, table] = await Promise.all([
    guard(getOrgSnapshot(actor, { organizationId: org.id })),
    guard(getOrgTrend(actor, { organizationId: org.id, days })),
    guard(listOrgChecks(actor, { organizationId: org.id })),
    guard(listRepos(actor, query)),
  ]);
  const keep: Params = { org: params.org, days: params.days };
  const href = (changes: Params) => overviewHref(params, changes);
  const dir =
    query.dir ?? (query.sort === "name" ? "asc" : query.sort === "failingCritical" ? "desc" : "asc");

  return (
    <section className="space-y-8">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Overview</h1>
          <p className="mt-1 text-slate-700">
            {org.name ?? org.login} · supply-chain posture from the last scoring
            {snapshot ? ` (${snapshot.takenAt.toISOString().slice(0, 16).replace("T", " ")} UTC)` : ""}.
          </p>
        </div>
        {orgs.length > 1 ? (
          <nav aria-label="Organisation" className="flex gap-3 text-sm">
            {orgs.map((o) => (
              <Link
                key={o.id}
                href={overviewHref({}, { org: o.login })}
                aria-current={o.id === org.id ? "page" : undefined}
                className={o.id === org.id ? "font-semibold" : "underline"}
              >
                {o.login}
              </Link>
            ))}
          </nav>
        ) : null}
      </div>

      {snapshot ? (
        <OrgHeadline snapshot={snapshot} />
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-700">
          Not scored yet: scores appear after the first sync.
        </p>
      )}
      <ScoreExplainer />

      <section aria-labelledby="trend" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="trend" className="text-lg font-semibold">
            Score over time
          </h2>
          <nav aria-label="Trend range" className="flex gap-3 text-sm">
            {RANGES.map((d) => (
              <Link
                key={d}
                href={href({ days: String(d), page: params.page })}
                aria-current={d === days ? "page" : undefined}
                className={d === days ? "font-semibold" : "underline"}
              >
                {d} days
              </Link>
            ))}
          </nav>
        </div>
        {trend.length < 2 ? (
          <p
            className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-700"
            data-testid="trend-empty"
          >
            {trend.length === 0
              ? "No scoring in the last " + days + " days yet."
              : "Only one scoring so far in this range."}{" "}
            The trend appears once the organisation has been scored on two occasions (every sync and policy
            change scores it).
          </p>
        ) : (
          <div className="rounded-lg border border-slate-200 bg-white p-3">
            <TrendChart points={trend.map(toChartPoint)} />
            <p className="mt-2 text-sm text-slate-700" data-testid="trend-change">
              Overall {trend[0]!.overall ?? "—"} → {trend[trend.length - 1]!.overall ?? "—"} over {days} days.
            </p>
          </div>
        )}
      </section>

      <section aria-labelledby="checks" className="space-y-3">
        <h2 id="checks" className="text-lg font-semibold">
          Most-failed checks
        </h2>
        <OrgChecksTable
          items={checks.items.slice(0, TOP_CHECKS)}
          sort="failing"
          caption={`The ${TOP_CHECKS} checks failed by the most repositories`}
          checkHref={(c) => `/checks/${c}?org=${encodeURIComponent(org.login)}`}
        />
        <p className="text-sm">
          <Link href={overviewHref({ org: params.org }, {}, "/checks")} className="underline">
            All {checks.total} checks, sortable
          </Link>
        </p>
      </section>

      <section aria-labelledby="repos" className="space-y-3">
        <h2 id="repos" className="text-lg font-semibold">
          Repositories
        </h2>
        {!parsed.success ? (
          <p role="status" className="text-sm text-amber-900">
            Some filters in the address were not valid and were ignored.
          </p>
        ) : null}
        <RepoFilterForm params={params} keep={keep} checks={catalogue.map((c) => c.id).sort()} />
        {table.total === 0 ? (
          <p
            className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-700"
            data-testid="repo-table-empty"
          >
            No repository matches these filters.{" "}
            {query.archived && query.empty ? "" : "Archived and empty repositories are hidden unless ticked."}
          </p>
        ) : (
          <RepoListTable
            {...table}
            sort={query.sort}
            dir={dir}
            sortHref={(sort, d) => href({ sort, dir: d })}
            pageHref={(p) => href({ page: String(p) })}
          />
        )}
      </section>
    </section>
  );
}
