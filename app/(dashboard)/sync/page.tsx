import type { Metadata } from "next";
import { AutoRefresh } from "@/components/sync/auto-refresh";
import { ConnectionForm } from "@/components/sync/connection-form";
import { RunHistory } from "@/components/sync/run-history";
import { StartSyncForm } from "@/components/sync/start-sync-form";
import { SyncProgress } from "@/components/sync/sync-progress";
import { getActor } from "@/lib/auth";
import { guard } from "@/lib/server/authz/guard";
import { can } from "@/lib/server/authz/permissions";
import { listOrganizations } from "@/lib/server/orgs/list-organizations";
import { getGitHubConnection } from "@/lib/server/sync/get-github-connection";
import { getSyncProgress } from "@/lib/server/sync/get-sync-progress";
import { listSyncRuns } from "@/lib/server/sync/list-sync-runs";

export const metadata: Metadata = { title: "Sync" };
export const dynamic = "force-dynamic";

export default async function SyncPage() {
  const actor = await getActor();
  const orgs = await guard(listOrganizations(actor));
  const canStart = actor ? can(actor.role, "sync:start") : false;
  const canManage = actor ? can(actor.role, "settings:manage") : false;
  const sections = await guard(
    Promise.all(
      orgs.map(async (o) => ({
        org: o,
        progress: await getSyncProgress(actor, { organizationId: o.id }),
        runs: await listSyncRuns(actor, { organizationId: o.id, limit: 20 }),
        connection: canManage ? await getGitHubConnection(actor, { organizationId: o.id }) : null,
      })),
    ),
  );
  return (
    <section>
      <h1 className="text-2xl font-semibold">Sync</h1>
      <p className="mt-1 text-slate-600">
        Hourly syncs refetch only repositories whose head commit or branch protection changed; webhooks resync
        single repositories; a nightly full refresh re-reads settings that change without a push.
      </p>
      <AutoRefresh active={sections.some((s) => s.progress.active !== null)} />
      {sections.length === 0 ? <p className="mt-6 text-sm text-slate-600">No organisations yet.</p> : null}
      {sections.map(({ org, progress, runs, connection }) => (
        <div key={org.id} className="mt-8 space-y-4" data-testid={`sync-org-${org.login}`}>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 className="text-lg font-semibold">{org.login}</h2>
            {canStart ? <StartSyncForm organizationId={org.id} disabled={progress.active !== null} /> : null}
          </div>
          <SyncProgress active={progress.active} lastSucceededAt={progress.lastSucceededAt} />
          <RunHistory runs={runs} />
          {canManage ? (
            <details className="rounded-md border border-slate-200 bg-white p-4" open={!connection}>
              <summary className="cursor-pointer text-sm font-medium">
                GitHub connection{" "}
                {connection
                  ? `· ${connection.kind === "app" ? `App ${connection.appId}` : "token"} · ${connection.baseUrl}`
                  : "· not connected"}
              </summary>
              <div className="mt-3">
                <ConnectionForm organizationId={org.id} current={connection} />
              </div>
            </details>
          ) : null}
        </div>
      ))}
    </section>
  );
}
