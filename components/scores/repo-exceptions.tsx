import type { RepoExceptionView } from "@/lib/server/scores/get-repo-score";
import { ExceptionSummary } from "@/components/policy/exception-summary";
import { RevokeExceptionButton } from "@/components/policy/exception-decision-button";

/** Every exception of the active policy that covers this repository, and for leads a way to revoke it. */
export function RepoExceptions({
  exceptions,
  policyVersion,
  canRevoke,
}: {
  exceptions: RepoExceptionView[];
  policyVersion: number | null;
  canRevoke: boolean;
}) {
  return (
    <section aria-labelledby="repo-exceptions" className="space-y-2">
      <h2 id="repo-exceptions" className="text-lg font-semibold">
        Exceptions
      </h2>
      {exceptions.length === 0 ? (
        <p className="text-sm text-slate-600">
          No policy exception covers this repository: every finding counts.
        </p>
      ) : (
        <ul className="space-y-2" data-testid="repo-exceptions">
          {exceptions.map((e) => (
            <li
              key={e.id}
              className="rounded-md border border-slate-200 bg-white p-3 text-sm"
              data-testid={`repo-exception-${e.id}`}
            >
              <p>
                <code className="text-xs">{e.checkId}</code>{" "}
                {e.repo.includes("*") ? <span className="text-slate-600">(via {e.repo}) </span> : null}·{" "}
                <ExceptionSummary exception={e} />
              </p>
              {e.fingerprint ? (
                <p className="text-xs text-slate-600">
                  Finding {e.fingerprint}; other findings of the check still count.
                </p>
              ) : null}
              <p className="mt-1 text-slate-700">{e.justification}</p>
              {canRevoke && policyVersion !== null ? (
                <div className="mt-2">
                  <RevokeExceptionButton exceptionId={e.id} version={policyVersion} />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
