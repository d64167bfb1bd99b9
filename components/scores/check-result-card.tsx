import Link from "next/link";
import type { ResultView } from "@/lib/server/scores/get-repo-score";
import { FindingItem, type SourceLinks } from "./finding-item";
import { InlineText, Remediation } from "./remediation";
import { SeverityBadge } from "./severity-badge";

/** A failing (or accepted) check with every finding; leads get a shortcut to accept its risk. */
export function CheckResultCard({
  result,
  repo,
  canApprove,
  links,
}: {
  result: ResultView;
  repo: string;
  canApprove: boolean;
  links: SourceLinks;
}) {
  const exceptionHref = `/policy?checkId=${encodeURIComponent(result.checkId)}&repo=${encodeURIComponent(repo)}#add-exception`;
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
            <FindingItem key={i} finding={finding} links={links} checkSeverity={result.severity} />
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
