import type { Metadata } from "next";
import { AutoRefresh } from "@/components/sync/auto-refresh";
import { ControlRepos, ControlTable } from "@/components/evidence/control-table";
import { ExportForm } from "@/components/evidence/export-form";
import { PackList } from "@/components/evidence/pack-list";
import { getActor } from "@/lib/auth";
import { allFrameworks, isFrameworkId } from "@/lib/evidence/frameworks";
import { guard } from "@/lib/server/authz/guard";
import { can } from "@/lib/server/authz/permissions";
import { getControlView } from "@/lib/server/evidence/get-control-view";
import { getEvidencePublicKey } from "@/lib/server/evidence/get-evidence-public-key";
import { listEvidencePacks } from "@/lib/server/evidence/list-evidence-packs";

export const metadata: Metadata = { title: "Evidence" };
export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const TEAM = /^@?[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/;

export default async function EvidencePage({ searchParams }: { searchParams: Search }) {
  const actor = await getActor();
  const q = await searchParams;
  const key = await guard(getEvidencePublicKey(actor));
  const auditor = actor ? can(actor.role, "evidence:export") : false;
  const frameworks = allFrameworks().map((f) => ({ id: f.id, name: f.name }));
  const fw = one(q.framework) ?? "soc2";
  const framework = isFrameworkId(fw) ? fw : "soc2";
  const asOf = one(q.asOf)?.match(/^\d{4}-\d{2}-\d{2}$/) ? one(q.asOf) : undefined;
  const pattern = one(q.pattern)?.trim() || undefined;
  const criticalOnly = one(q.critical) === "1";
  const rawTeam = one(q.team)?.trim() || undefined;
  // A team as CODEOWNERS names it (org/team); anything else is said, not silently dropped.
  const team = rawTeam && TEAM.test(rawTeam) ? rawTeam : undefined;
  const teamError = rawTeam && !team ? `team: “${rawTeam}” is not a team as org/team.` : null;
  const [packs, view] = auditor
    ? await guard(
        Promise.all([
          listEvidencePacks(actor),
          getControlView(actor, { framework, control: one(q.control), asOf, pattern, team, criticalOnly }),
        ]),
      )
    : [[], null];
  const hrefFor = (control: string) => {
    const p = new URLSearchParams({ framework, control });
    if (asOf) p.set("asOf", asOf);
    if (pattern) p.set("pattern", pattern);
    if (team) p.set("team", team);
    if (criticalOnly) p.set("critical", "1");
    return `/evidence?${p.toString()}`;
  };

  return (
    <section className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Evidence</h1>
        <p className="mt-1 text-slate-600">
          Framework-mapped, point-in-time evidence packs, signed with this instance&apos;s key and verifiable
          offline with <code>gatehouse verify pack.zip --key public.pem</code>.
        </p>
      </div>
      {auditor ? (
        <>
          <section
            aria-labelledby="export"
            className="space-y-3 rounded-lg border border-slate-200 bg-white p-5"
          >
            <h2 id="export" className="font-semibold">
              Export a pack
            </h2>
            <ExportForm
              frameworks={frameworks}
              defaults={{
                framework,
                asOf: asOf ?? "",
                pattern: pattern ?? "",
                team: team ?? "",
                criticalOnly,
              }}
            />
            <AutoRefresh active={packs.some((p) => p.status === "queued" || p.status === "running")} />
            <PackList packs={packs} />
          </section>
          {view ? (
            <section aria-labelledby="controls" className="space-y-3">
              <h2 id="controls" className="font-semibold">
                {view.framework.name} ({view.framework.version}) as of {view.asOf.slice(0, 10)} ·{" "}
                {view.repoCount} repositories
              </h2>
              <form
                className="flex flex-wrap items-end gap-3 text-sm"
                data-testid="control-filters"
                aria-label="Filter the controls"
              >
                <label>
                  <span className="block text-slate-600">Framework</span>
                  <select
                    name="framework"
                    defaultValue={framework}
                    className="rounded-md border border-slate-300 px-2 py-1"
                  >
                    {frameworks.map((f) => (
                      <option key={f.id} value={f.id}>
                        {f.name}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  <span className="block text-slate-600">Repository pattern</span>
                  <input
                    name="pattern"
                    defaultValue={pattern}
                    placeholder="acme/*"
                    className="rounded-md border border-slate-300 px-2 py-1"
                  />
                </label>
                <label>
                  <span className="block text-slate-600">Team (CODEOWNERS)</span>
                  <input
                    name="team"
                    defaultValue={rawTeam}
                    placeholder="acme/web"
                    className="rounded-md border border-slate-300 px-2 py-1"
                  />
                </label>
                <label>
                  <span className="block text-slate-600">As of</span>
                  <input
                    type="date"
                    name="asOf"
                    defaultValue={asOf}
                    className="rounded-md border border-slate-300 px-2 py-1"
                  />
                </label>
                <label className="flex items-center gap-1">
                  <input type="checkbox" name="critical" value="1" defaultChecked={criticalOnly} /> Critical
                  only
                </label>
                <button type="submit" className="rounded-md border border-slate-300 px-2 py-1">
                  Show
                </button>
              </form>
              {teamError ? (
                <p role="alert" className="text-sm text-red-700">
                  {teamError}
                </p>
              ) : null}
              {view.excluded.length ? (
                <p className="text-sm text-amber-800">
                  {view.excluded.length} repositories have no scoring on or before this date and are not
                  shown.
                </p>
              ) : null}
              <ControlTable summaries={view.summaries} hrefFor={hrefFor} />
              {view.control ? (
                <div className="rounded-lg border border-slate-200 bg-white p-4" data-testid="control-detail">
                  <h3 className="font-semibold">
                    {view.control.id} {view.control.title}
                  </h3>
                  <p className="text-xs text-slate-500">Checks: {view.control.checks.join(", ")}</p>
                  {view.control.recommendations.length > 0 ? (
                    <p className="text-xs text-slate-500">
                      Recommendations: {view.control.recommendations.join(", ")}
                      {view.control.verifiedAgainst ? (
                        <>
                          {" "}
                          (ids checked against{" "}
                          <a href={view.control.verifiedAgainst} className="underline">
                            chain-bench&apos;s metadata
                          </a>
                          )
                        </>
                      ) : null}
                    </p>
                  ) : null}
                  <ControlRepos repos={view.control.repos} />
                </div>
              ) : null}
              <p className="text-xs text-slate-500">
                Mapping source: {view.framework.source.document} ({view.framework.source.note})
              </p>
            </section>
          ) : null}
        </>
      ) : (
        <p className="text-sm text-slate-600">Exporting evidence is for auditors and security leads.</p>
      )}
      <section aria-labelledby="key" className="space-y-2">
        <h2 id="key" className="font-semibold">
          Signing key
        </h2>
        <p className="text-sm text-slate-600">
          Key id <code data-testid="key-id">{key.keyId}</code>. Also at{" "}
          <code>/api/v1/evidence/public-key?format=pem</code> and from{" "}
          <code>gatehouse evidence public-key</code>.
        </p>
        <pre
          className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100"
          data-testid="public-key"
        >
          {key.publicKeyPem}
        </pre>
      </section>
    </section>
  );
}
