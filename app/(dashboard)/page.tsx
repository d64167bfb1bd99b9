import type { Metadata } from "next";
import { getActor } from "@/lib/auth";
import { listOrganizations } from "@/lib/server/orgs/list-organizations";
import { guard } from "@/lib/server/authz/guard";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const orgs = await guard(listOrganizations(await getActor()));
  return (
    <section>
      <h1 className="text-2xl font-semibold">Overview</h1>
      <p className="mt-1 text-slate-600">Organisations Gatehouse watches and how many repositories each has.</p>
      {orgs.length === 0 ? (
        <p className="mt-8 rounded-lg border border-dashed border-slate-300 p-8 text-center text-slate-600">No organisation synced yet. An admin can connect GitHub and start a sync.</p>
      ) : (
        <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {orgs.map((o) => (
            <li key={o.id} className="rounded-lg border border-slate-200 bg-white p-5">
              <p className="font-medium">{o.name ?? o.login}</p>
              <p className="text-sm text-slate-500">@{o.login}</p>
              <p className="mt-3 text-sm">
                <span className="text-2xl font-semibold">{o._count.repositories}</span> repositories
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
