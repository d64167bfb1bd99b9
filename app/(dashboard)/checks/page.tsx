import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getActor } from "@/lib/auth";
import { guard } from "@/lib/server/authz/guard";
import { listOrganizations } from "@/lib/server/orgs/list-organizations";
import { listOrgChecks, listOrgChecksInput } from "@/lib/server/history/list-org-checks";
import { OrgChecksTable } from "@/components/history/org-checks-table";
import { flatParams, overviewHref } from "@/components/history/overview-url";

export const metadata: Metadata = { title: "Checks" };

type Search = Promise<Record<string, string | string[] | undefined>>;
const SORTS = listOrgChecksInput.shape.sort.unwrap().options;

/**
 * Every check of the catalogue with the number of repositories failing it, sortable. The
 * overview shows only the most-failed few (the whole catalogue made every overview heavy).
 */
export default async function ChecksPage({ searchParams }: { searchParams: Search }) {
  const params = flatParams(await searchParams);
  const actor = await getActor();
  const orgs = await guard(listOrganizations(actor));
  const org = orgs.find((o) => o.login === params.org) ?? orgs[0];
  if (!org) notFound();
  // An unknown sort (hand-edited URL) falls back to the default, not an error page.
  const sort = SORTS.find((s) => s === params.sort) ?? "failing";
  const checks = await guard(listOrgChecks(actor, { organizationId: org.id, sort }));
  const keep = { org: params.org };

  return (
    <section className="space-y-6">
      <div>
        <Link href={overviewHref(keep, {})} className="text-sm text-slate-700 underline">
          ← Overview
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">Checks across {org.name ?? org.login}</h1>
        <p className="mt-1 text-slate-700">
          Every check with the number of repositories failing it, from the last scoring. Headers sort; a check
          opens its failing repositories.
        </p>
      </div>
      <OrgChecksTable
        items={checks.items}
        sort={sort}
        caption={`Every check across the organisation, sorted by ${sort}`}
        sortHref={(s) => overviewHref(keep, { sort: s === "failing" ? undefined : s }, "/checks")}
        checkHref={(c) => `/checks/${c}?org=${encodeURIComponent(org.login)}`}
      />
    </section>
  );
}
