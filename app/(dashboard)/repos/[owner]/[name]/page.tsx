import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getActor } from "@/lib/auth";
import { isAppError } from "@/lib/errors";
import { guard } from "@/lib/server/authz/guard";
import { can } from "@/lib/server/authz/permissions";
import { getRepoScore } from "@/lib/server/scores/get-repo-score";
import { RepoScoreBody } from "@/components/scores/repo-score-body";
import { RepoHistory } from "@/components/history/repo-history";
import { TrendSummary } from "@/components/history/trend-summary";
import { TopFixes } from "@/components/scores/top-fixes";
import { parseFindingFilters } from "@/components/scores/finding-filters";
import { parseExpanded } from "@/components/scores/expand-params";
import { webBaseUrl } from "@/components/scores/github-links";
import { RepoExceptions } from "@/components/scores/repo-exceptions";
import { getPolicyRescore } from "@/lib/server/policy/get-policy-rescore";
import { RescoreProgress } from "@/components/policy/rescore-progress";

type Params = Promise<{ owner: string; name: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { owner, name } = await params;
  return { title: `${owner}/${name}` };
}

export default async function RepoPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const { owner, name } = await params;
  const search = await searchParams;
  const filters = parseFindingFilters(search);
  const actor = await getActor();
  // One verb reads the score and the history together (one repository lookup, not two).
  const view = await guard(getRepoScore(actor, { owner, name, history: true })).catch((error: unknown) => {
    if (isAppError(error, "not_found")) notFound();
    throw error;
  });
  const { repository, score, lapsedExceptions, activePolicyVersion, source, topFixes, exceptions } = view;
  const history = view.history!;
  // A policy change (an exception approved or revoked here) is re-scored by a job: while
  // this repository's score is behind the active version, the page shows that job's
  // progress and polls, so the new score appears without a reload. Only then is the job read.
  const scoreBehind = !!score && activePolicyVersion !== null && score.policyVersion < activePolicyVersion;
  const rescore = scoreBehind ? await guard(getPolicyRescore(actor)) : null;
  const canApprove = actor ? can(actor.role, "exception:approve") : false;

  return (
    <section className="space-y-6">
      <div>
        <Link href="/" className="text-sm text-slate-500 hover:text-slate-800">
          ← Overview
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{repository.fullName}</h1>
        <p className="text-sm text-slate-500">
          {[
            repository.visibility,
            repository.defaultBranch ? `default branch ${repository.defaultBranch}` : null,
            repository.archived ? "archived" : null,
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
        <p className="mt-1 text-sm">
          <Link href={`/repos/${repository.fullName}/threat-model`} className="underline">
            Threat model
          </Link>
        </p>
      </div>
      {score && (lapsedExceptions.length > 0 || scoreBehind) ? (
        <p
          role="status"
          className="rounded-md border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900"
          data-testid="score-pending"
        >
          {lapsedExceptions.length > 0
            ? `Exception ${lapsedExceptions.join(", ")} no longer applies (expired or removed). `
            : ""}
          {scoreBehind ? `The active policy is version ${activePolicyVersion}. ` : ""}
          The score below changes at the next scoring (after a sync or a policy change).
        </p>
      ) : null}
      {scoreBehind ? <RescoreProgress run={rescore} /> : null}
      {!score ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-slate-600">
          This repository has not been scored yet: it is scored after its first sync.
        </p>
      ) : (
        <RepoScoreBody
          score={score}
          repo={repository.fullName}
          canApprove={canApprove}
          exceptions={exceptions}
          filters={filters}
          expanded={parseExpanded(search)}
          links={{ web: webBaseUrl(source.apiBaseUrl), repo: repository.fullName, ref: source.headOid }}
          summary={
            <>
              <TrendSummary history={history} />
              <TopFixes fixes={topFixes} />
            </>
          }
        />
      )}
      {score ? (
        <RepoExceptions exceptions={exceptions} policyVersion={activePolicyVersion} canRevoke={canApprove} />
      ) : null}
      <RepoHistory history={history} />
    </section>
  );
}
