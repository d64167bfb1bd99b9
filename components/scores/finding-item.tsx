import type { Finding } from "@/lib/checks/types";
import { isOrgLevel } from "@/lib/checks/org-level";
import { EvidenceView } from "./evidence-view";
import { CONFIDENCE_LABELS } from "./labels";
import { InlineText, Remediation } from "./remediation";
import { SeverityBadge } from "./severity-badge";
import { fixDiff } from "./fix-diff";
import { blobUrl } from "./github-links";
import { DiffView } from "./diff-view";
import Link from "next/link";
import type { RepoExceptionView } from "@/lib/server/scores/get-repo-score";
import { ExceptionSummary } from "@/components/policy/exception-summary";

/** Where the repository's synced files live on GitHub. */
export interface SourceLinks {
  web: string;
  repo: string;
  ref: string | null;
}

export function FindingItem({
  finding,
  links,
  checkSeverity,
  exceptions = [],
  acceptHref = null,
}: {
  finding: Finding;
  links: SourceLinks;
  checkSeverity: Finding["severity"];
  /** Exceptions scoped to this very finding (requested, active or expired). */
  exceptions?: RepoExceptionView[];
  /** For a security lead: request an exception for this finding only. */
  acceptHref?: string | null;
}) {
  const suppressed = finding.suppressed;
  const { evidence } = finding;
  const href =
    evidence.kind === "file" ? blobUrl(links.web, links.repo, links.ref, evidence.file, evidence.line) : null;
  const diff = fixDiff(finding);
  return (
    <li
      className={suppressed ? "finding border-dashed border-slate-300 bg-slate-50" : "finding"}
      data-testid="finding"
    >
      <div className="row text-sm">
        {finding.severity && finding.severity !== checkSeverity ? (
          <span data-testid="instance-severity" className="inline-flex items-center gap-1">
            <SeverityBadge severity={finding.severity} />
            <span className="sr-only">(this instance; the check is {checkSeverity})</span>
          </span>
        ) : null}
        <span className={suppressed ? "text-slate-600 line-through decoration-slate-300" : "font-medium"}>
          <InlineText text={finding.message} />
        </span>
        <span className="text-xs text-slate-500">{`(${CONFIDENCE_LABELS[finding.confidence]})`}</span>
        {isOrgLevel(finding.evidence) ? (
          <span
            className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-800 ring-1 ring-slate-300"
            data-testid="inherited"
          >
            Inherited from the organisation
          </span>
        ) : null}
      </div>
      {suppressed ? (
        <p className="mt-1 text-xs text-slate-600" data-testid="suppressed">
          Suppressed by{" "}
          {suppressed.by === "exception"
            ? `policy exception ${suppressed.exceptionId ?? ""}`
            : "an inline ignore"}
          : {suppressed.reason}
        </p>
      ) : null}
      {exceptions.length > 0 ? (
        <ul className="mt-1 text-xs text-slate-700" data-testid="finding-exceptions">
          {exceptions.map((e) => (
            <li key={e.id}>
              Exception for this finding: <ExceptionSummary exception={e} />
            </li>
          ))}
        </ul>
      ) : null}
      {acceptHref ? (
        <p className="mt-1 text-xs">
          <Link href={acceptHref} className="text-slate-700 underline hover:text-slate-900">
            Accept the risk of this finding only
          </Link>
        </p>
      ) : null}
      <EvidenceView evidence={evidence} href={href} className="mt-2" />
      <div className="mt-2 text-sm" data-testid="remediation">
        <p className="fix-label">Fix</p>
        {diff ? <DiffView diff={diff} /> : <Remediation text={finding.remediation} />}
      </div>
    </li>
  );
}
