import type { ReactNode } from "react";
import type { getRepoScore } from "@/lib/server/scores/get-repo-score";
import { CategoryScores, categoryValues } from "./category-scores";
import { CheckResultCard } from "./check-result-card";
import { CompactResults } from "./compact-results";
import { GradeBadge } from "./grade-badge";
import { groupResults } from "./group-results";
import { filterResults, type FindingFilters } from "./finding-filters";
import { FindingFilterForm } from "./finding-filter-form";
import { repoPageHref, type CompactSection, type Expanded } from "./expand-params";
import type { SourceLinks } from "./finding-item";
import { CATEGORY_LABELS, formatPercent, formatScore } from "./labels";

type View = Awaited<ReturnType<typeof getRepoScore>>;
type Score = NonNullable<View["score"]>;

/** One repository's score: headline, categories, findings by category and severity, then the rest compactly. */
export function RepoScoreBody({
  score,
  repo,
  canApprove,
  links,
  filters,
  expanded,
  summary,
  exceptions,
}: {
  score: Score;
  exceptions: View["exceptions"];
  repo: string;
  canApprove: boolean;
  links: SourceLinks;
  filters: FindingFilters;
  expanded: Expanded;
  /** Rendered between the headline and the findings (top fixes, trend). */
  summary: ReactNode;
}) {
  const shown = filterResults(score.results, filters);
  const filtered = shown.length !== score.results.length;
  const grouped = groupResults(shown);
  const href = (next: Expanded, anchor: string) => repoPageHref(repo, filters, next, anchor);
  const allHref = (checkId: string) =>
    expanded.all.includes(checkId)
      ? null
      : href({ ...expanded, all: [...expanded.all, checkId] }, `check-${checkId}`);
  const compact = (title: string, results: typeof shown, section: CompactSection) => {
    const open = expanded.show.includes(section);
    const show = open ? expanded.show.filter((s) => s !== section) : [...expanded.show, section];
    return (
      <CompactResults
        title={title}
        results={results}
        testId={section}
        open={open}
        toggleHref={href({ ...expanded, show }, section)}
      />
    );
  };
  return (
    <>
      <div className="flex flex-wrap items-end gap-6">
        <div>
          <p className="text-sm text-slate-500">Overall</p>
          <p className="text-4xl font-semibold" data-testid="overall-score">
            {formatScore(score.overall)} <GradeBadge grade={score.grade} className="align-middle text-base" />
          </p>
        </div>
        <dl className="grid grid-cols-2 gap-x-6 text-sm sm:grid-cols-4">
          <dt className="text-slate-500">Coverage</dt>
          <dd>{formatPercent(score.coverage)}</dd>
          <dt className="text-slate-500">Failing</dt>
          <dd>
            {score.checksFail} of {score.checksTotal} checks
          </dd>
          <dt className="text-slate-500">Accepted</dt>
          <dd>{score.checksSuppressed}</dd>
          <dt className="text-slate-500">Policy</dt>
          <dd data-testid="policy-version">
            {score.policyVersion === 0 ? "built-in default" : `version ${score.policyVersion}`}
          </dd>
        </dl>
      </div>
      <p className="text-xs text-slate-500">
        Facts synced {score.factsSyncedAt.toISOString().replace("T", " ").slice(0, 16)} UTC · scored{" "}
        {score.computedAt.toISOString().replace("T", " ").slice(0, 16)} UTC
      </p>
      <CategoryScores values={categoryValues(score)} />

      {summary}
      <h2 id="findings" className="text-lg font-semibold">
        Findings
      </h2>
      <FindingFilterForm filters={filters} action={`/repos/${repo}`} />
      {filtered ? (
        <p className="text-sm text-slate-700" role="status" data-testid="filter-count">
          Showing {shown.length} of {score.results.length} checks.
        </p>
      ) : null}
      {grouped.failing.length === 0 ? <p className="text-slate-600">No failing checks.</p> : null}
      {grouped.failing.map((group) => (
        <section key={group.category} aria-labelledby={`cat-${group.category}`} className="space-y-3">
          <h3 id={`cat-${group.category}`} className="font-semibold text-slate-800">
            {CATEGORY_LABELS[group.category]}
          </h3>
          {group.bySeverity
            .flatMap((s) => s.results)
            .map((result) => (
              <CheckResultCard
                key={result.checkId}
                result={result}
                repo={repo}
                canApprove={canApprove}
                links={links}
                exceptions={exceptions}
                allHref={allHref(result.checkId)}
              />
            ))}
        </section>
      ))}
      {grouped.accepted.length > 0 ? (
        <section aria-labelledby="accepted" className="space-y-3">
          <h3 id="accepted" className="font-semibold text-slate-800">
            Accepted (suppressed findings)
          </h3>
          {grouped.accepted.map((result) => (
            <CheckResultCard
              key={result.checkId}
              result={result}
              repo={repo}
              canApprove={false}
              links={links}
              exceptions={exceptions}
              allHref={allHref(result.checkId)}
            />
          ))}
        </section>
      ) : null}
      <div className="space-y-3">
        {compact("Passing", grouped.pass, "passing")}
        {compact("Unknown (not counted)", grouped.unknown, "unknown")}
        {compact("Not applicable", grouped.notApplicable, "not-applicable")}
      </div>
    </>
  );
}
