import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getActor } from "@/lib/auth";
import { isAppError } from "@/lib/errors";
import type { Severity } from "@/lib/checks/types";
import { guard } from "@/lib/server/authz/guard";
import { listOrganizations } from "@/lib/server/orgs/list-organizations";
import { listCheckFailures } from "@/lib/server/history/list-check-failures";
import { EvidenceView } from "@/components/scores/evidence-view";
import { GradeBadge } from "@/components/scores/grade-badge";
import { SeverityBadge } from "@/components/scores/severity-badge";
import { formatScore } from "@/components/scores/labels";
import { repoHref } from "@/components/scores/repo-href";
import { flatParams, overviewHref } from "@/components/history/overview-url";
import { InlineText } from "@/components/scores/remediation";

type Params = Promise<{ check: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Check ${(await params).check}` };
}

/** One check across the organisation: the repositories failing it, worst first, with their evidence. */
export default async function CheckPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { check } = await params;
  const query = flatParams(await searchParams);
  const actor = await getActor();
  const orgs = await guard(listOrganizations(actor));
  const org = orgs.find((o) => o.login === query.org) ?? orgs[0];
  if (!org) notFound();
  const page = Math.max(1, Number.parseInt(query.page ?? "1", 10) || 1);
  const data = await guard(listCheckFailures(actor, { organizationId: org.id, check, page })).catch(
    (error: unknown) => {
      if (isAppError(error, "not_found") || isAppError(error, "invalid")) notFound();
      throw error;
    },
  );
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const here = (p: number) =>
    overviewHref({ org: org.login }, { page: p > 1 ? String(p) : undefined }, `/checks/${check}`);

  return (
    <section className="space-y-6">
      <div>
        <Link href={overviewHref({}, { org: query.org })} className="text-sm text-slate-700 underline">
          ← Overview
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">
          {data.check.title} <span className="font-mono text-base text-slate-600">{data.check.id}</span>
        </h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-700">
          <SeverityBadge severity={data.check.severity as Severity} />{" "}
          <InlineText text={data.check.rationale} />
        </p>
        <p className="mt-2 text-sm text-slate-700">
          <span className="font-medium">Fix:</span> <InlineText text={data.check.remediation} />
        </p>
      </div>
      <h2 className="text-lg font-semibold" data-testid="failing-total">
        {data.total} {data.total === 1 ? "repository fails" : "repositories fail"} this check
      </h2>
      {data.items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-700">
          No repository of {org.login} fails this check at repository level.
        </p>
      ) : (
        <ul className="space-y-3" data-testid="check-failures">
          {data.items.map((r) => (
            <li
              key={r.fullName}
              className="rounded-lg border border-slate-200 bg-white p-4"
              data-testid="check-failure"
            >
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <Link
                  href={repoHref(r.fullName)}
                  className="font-medium underline decoration-slate-300 hover:decoration-slate-700"
                >
                  {r.fullName}
                </Link>
                <span className="text-sm tabular-nums">
                  {formatScore(r.overall)} <GradeBadge grade={r.grade} />
                </span>
              </div>
              {r.findings.length === 0 ? (
                <p className="mt-2 text-sm text-slate-700">
                  {r.reason ?? "Failing without a specific finding."}
                </p>
              ) : (
                <ul className="mt-2 space-y-2">
                  {r.findings.slice(0, 5).map((f, i) => (
                    <li key={i} className="text-sm">
                      <p>
                        <InlineText text={f.message} />
                      </p>
                      <EvidenceView evidence={f.evidence} />
                    </li>
                  ))}
                  {r.findings.length > 5 ? (
                    <li className="text-sm text-slate-700">
                      and {r.findings.length - 5} more on the repository page
                    </li>
                  ) : null}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      <nav aria-label="Pages" className="flex justify-between text-sm text-slate-700">
        <span>
          page {data.page} of {pages}
        </span>
        <span className="flex gap-4">
          {data.page > 1 ? (
            <Link href={here(data.page - 1)} className="underline">
              Previous
            </Link>
          ) : null}
          {data.page < pages ? (
            <Link href={here(data.page + 1)} className="underline">
              Next
            </Link>
          ) : null}
        </span>
      </nav>
    </section>
  );
}
