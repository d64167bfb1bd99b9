import Link from "next/link";
import type { RepoExceptionView, ResultView } from "@/lib/server/scores/get-repo-score";
import { ExceptionSummary } from "@/components/policy/exception-summary";
import { FindingItem, type SourceLinks } from "./finding-item";
import { InlineText, Remediation } from "./remediation";
import { SeverityBadge } from "./severity-badge";
import { findingsShown } from "./expand-params";

/**
 * A failing (or accepted) check with every finding and the exceptions that concern it;
 * leads get shortcuts to accept the risk of the whole check or of one finding.
 */
export function CheckResultCard({
  result,
  repo,
  canApprove,
  links,
  exceptions,
  allHref,
}: {
  result: ResultView;
  repo: string;
  canApprove: boolean;
  links: SourceLinks;
  /** The policy's exceptions for this repository (any check, any status). */
  exceptions: RepoExceptionView[];
  /** The page with every finding of this check; null when they are all shown already. */
  allHref: string | null;
}) {
  const base = `/policy?checkId=${encodeURIComponent(result.checkId)}&repo=${encodeURIComponent(repo)}`;
  const exceptionHref = `${base}#add-exception`;
  const mine = exceptions.filter((e) => e.checkId === result.checkId);
  const wholeCheck = mine.filter((e) => !e.fingerprint);
  const { shown: findings, hidden } = findingsShown(result.findings, allHref === null);
  return (
    <article
      className="card"
      id={`check-${result.checkId}`}
      data-testid={`check-${result.checkId}`}
      aria-labelledby={`check-${result.checkId}-title`}
    >
      <header className="row">
        <SeverityBadge severity={result.severity} />
        <h4 id={`check-${result.checkId}-title`} className="font-medium">
          {result.title}
        </h4>
        <code className="text-xs text-slate-500">{result.checkId}</code>
        {canApprove && result.status === "fail" ? (
          <Link
            href={exceptionHref}
            className="ml-auto text-sm text-slate-600 underline hover:text-slate-900"
          >
            Accept risk with an exception
          </Link>
        ) : null}
      </header>
      {wholeCheck.length > 0 ? (
        <ul className="mt-1 text-xs text-slate-700" data-testid="check-exceptions">
          {wholeCheck.map((e) => (
            <li key={e.id}>
              Exception: <ExceptionSummary exception={e} />
            </li>
          ))}
        </ul>
      ) : null}
      {result.rationale ? (
        <p className="mt-1 text-sm text-slate-600">
          <InlineText text={result.rationale} />
        </p>
      ) : null}
      {result.reason ? (
        <p className="mt-1 text-sm text-slate-700">
          <InlineText text={result.reason} />
        </p>
      ) : null}
      {findings.length > 0 ? (
        <ul className="mt-3 space-y-3">
          {findings.map((finding, i) => (
            <FindingItem
              key={i}
              finding={finding}
              links={links}
              checkSeverity={result.severity}
              exceptions={mine.filter((e) => e.fingerprint && e.fingerprint === result.fingerprints[i])}
              acceptHref={
                canApprove && !finding.suppressed && result.fingerprints[i]
                  ? `${base}&fingerprint=${result.fingerprints[i]}#add-exception`
                  : null
              }
            />
          ))}
        </ul>
      ) : result.status === "fail" ? (
        <div className="mt-3 text-sm" data-testid="remediation">
          <p className="fix-label">Fix</p>
          <Remediation text={result.catalogueRemediation} />
        </div>
      ) : null}
      {hidden > 0 && allHref ? (
        <p className="mt-3 text-sm">
          <Link href={allHref} className="underline" data-testid="show-all-findings">
            {`Show all ${result.findings.length} findings (${hidden} more)`}
          </Link>
        </p>
      ) : null}
    </article>
  );
}
