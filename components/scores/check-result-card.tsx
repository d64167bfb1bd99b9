import Link from "next/link";
import type { RepoExceptionView, ResultView } from "@/lib/server/scores/get-repo-score";
import { ExceptionSummary } from "@/components/policy/exception-summary";
import { FindingItem, type SourceLinks } from "./finding-item";
import { InlineText, Remediation } from "./remediation";
import { SeverityBadge } from "./severity-badge";

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
}: {
  result: ResultView;
  repo: string;
  canApprove: boolean;
  links: SourceLinks;
  /** The policy's exceptions for this repository (any check, any status). */
  exceptions: RepoExceptionView[];
}) {
  const base = `/policy?checkId=${encodeURIComponent(result.checkId)}&repo=${encodeURIComponent(repo)}`;
  const exceptionHref = `${base}#add-exception`;
  const mine = exceptions.filter((e) => e.checkId === result.checkId);
  const wholeCheck = mine.filter((e) => !e.fingerprint);
  return (
    <article
      className="rounded-lg border border-slate-200 bg-white p-4"
      id={`check-${result.checkId}`}
      data-testid={`check-${result.checkId}`}
      aria-labelledby={`check-${result.checkId}-title`}
    >
      <header className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <SeverityBadge severity={result.severity} />
          <h4 id={`check-${result.checkId}-title`} className="font-medium">
            {result.title}
          </h4>
          <code className="text-xs text-slate-500">{result.checkId}</code>
        </div>
        {canApprove && result.status === "fail" ? (
          <Link href={exceptionHref} className="text-sm text-slate-600 underline hover:text-slate-900">
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
      {result.findings.length > 0 ? (
        <ul className="mt-3 space-y-3">
          {result.findings.map((finding, i) => (
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
          <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Fix</p>
          <Remediation text={result.catalogueRemediation} />
        </div>
      ) : null}
    </article>
  );
}
