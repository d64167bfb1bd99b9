import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getActor } from "@/lib/auth";
import { catalogue } from "@/lib/checks/catalogue";
import { isAppError } from "@/lib/errors";
import { guard } from "@/lib/server/authz/guard";
import { can } from "@/lib/server/authz/permissions";
import { diffThreatModelRevisions } from "@/lib/server/threat-models/diff-threat-model-revisions";
import { getThreatModel } from "@/lib/server/threat-models/get-threat-model";
import { listThreatModelRevisions } from "@/lib/server/threat-models/list-threat-model-revisions";
import { DEFAULT_THREATS } from "@/lib/threat-model/default-threats";
import { ImportExport } from "@/components/threat-model/import-export";
import { RevisionHistory } from "@/components/threat-model/revision-history";
import { ThreatModelWorkspace } from "@/components/threat-model/workspace";

type Params = Promise<{ owner: string; name: string }>;
type Search = Promise<{ from?: string; to?: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { owner, name } = await params;
  return { title: `Threat model · ${owner}/${name}` };
}

// Checks an engineer can link as controls: the catalogue's, plus those CHECKS.md names
// for the default threats (their status shows "not scored" until they exist).
const CHECK_OPTIONS = (() => {
  const titles = new Map(catalogue.map((c) => [c.id, c.title]));
  for (const d of DEFAULT_THREATS) for (const c of d.checks) if (!titles.has(c)) titles.set(c, c);
  return [...titles].map(([id, title]) => ({ id, title })).sort((a, b) => a.id.localeCompare(b.id));
})();

export default async function ThreatModelPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Search;
}) {
  const { owner, name } = await params;
  const search = await searchParams;
  const actor = await getActor();
  const repo = { owner, name };
  const [view, revisions] = await guard(
    Promise.all([getThreatModel(actor, repo), listThreatModelRevisions(actor, repo)]),
  ).catch((error: unknown) => {
    if (isAppError(error, "not_found")) notFound();
    throw error;
  });
  const from = Number(search.from);
  const to = Number(search.to);
  const diff =
    from > 0 && to > 0
      ? await guard(diffThreatModelRevisions(actor, { ...repo, from, to }))
          .then((changes) => ({ from, to, changes }))
          .catch((error: unknown) => {
            if (isAppError(error, "not_found") || isAppError(error, "invalid")) return null;
            throw error;
          })
      : null;
  const canEdit = actor ? can(actor.role, "threatmodel:edit") : false;
  const fullName = view.repository.fullName;
  const [o, n] = fullName.split("/") as [string, string];

  return (
    <section className="space-y-6">
      <div>
        <Link href={`/repos/${fullName}`} className="text-sm text-slate-600 hover:text-slate-800">
          ← {fullName}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">Threat model of {fullName}</h1>
        <p className="text-sm text-slate-600">
          {view.model
            ? `Revision ${view.revision}, saved ${view.updatedAt?.toISOString().slice(0, 16).replace("T", " ")} UTC. Check controls show the latest scoring${
                view.checksComputedAt
                  ? ` (${view.checksComputedAt.toISOString().slice(0, 16).replace("T", " ")} UTC)`
                  : ""
              }.`
            : null}
        </p>
      </div>
      {!view.model ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-slate-600">
          This repository has no threat model yet: it is generated from the repository&apos;s pipeline after
          its first sync.
        </p>
      ) : (
        <>
          <ThreatModelWorkspace
            owner={o}
            name={n}
            revision={view.revision}
            model={view.model}
            checks={view.checks}
            taskHrefs={view.taskHrefs}
            canEdit={canEdit}
            canAcceptRisk={canEdit && actor !== null && can(actor.role, "exception:approve")}
            // Only an editor links checks: a reader's page would carry the list (about 5 KB of
            // the inline payload) for nothing.
            checkOptions={canEdit ? CHECK_OPTIONS : []}
          />
          <section aria-labelledby="revisions-heading" className="space-y-2">
            <h2 id="revisions-heading" className="text-lg font-semibold">
              Revisions
            </h2>
            <RevisionHistory
              owner={o}
              name={n}
              current={view.revision}
              revisions={revisions.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }))}
              diff={diff}
              canEdit={canEdit}
            />
          </section>
          <section aria-labelledby="files-heading" className="space-y-2">
            <h2 id="files-heading" className="text-lg font-semibold">
              Files
            </h2>
            <ImportExport owner={o} name={n} revision={view.revision} canEdit={canEdit} />
          </section>
        </>
      )}
    </section>
  );
}
