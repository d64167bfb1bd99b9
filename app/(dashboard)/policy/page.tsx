import type { Metadata } from "next";
import { getActor } from "@/lib/auth";
import { catalogue } from "@/lib/checks/catalogue";
import { guard } from "@/lib/server/authz/guard";
import { can } from "@/lib/server/authz/permissions";
import { isAppError } from "@/lib/errors";
import { comparePolicyVersion } from "@/lib/server/policy/compare-policy-version";
import { getActivePolicy } from "@/lib/server/policy/get-active-policy";
import { getPolicyRescore } from "@/lib/server/policy/get-policy-rescore";
import { listPolicyVersions } from "@/lib/server/policy/list-policy-versions";
import { ExceptionForm } from "@/components/policy/exception-form";
import { PolicyEditor } from "@/components/policy/policy-editor";
import { PolicyHistory } from "@/components/policy/policy-history";
import { PolicyView } from "@/components/policy/policy-view";
import { PolicyCompare } from "@/components/policy/policy-compare";
import { PolicySettingsForm } from "@/components/policy/policy-settings-form";
import { RescoreProgress } from "@/components/policy/rescore-progress";
import { UtcTime } from "@/components/ui/utc-time";

export const metadata: Metadata = { title: "Policy" };

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const DAY = 86_400_000;
/** The form suggests a quarter: long enough to fix, short enough to be reviewed again. */
const suggestedExpiry = () => new Date(Date.now() + 90 * DAY).toISOString().slice(0, 10);

export default async function PolicyPage({ searchParams }: { searchParams: Search }) {
  const actor = await getActor();
  const query = await searchParams;
  const compare = one(query.compare);
  const [view, versions, rescore, comparison] = await guard(
    Promise.all([
      getActivePolicy(actor),
      listPolicyVersions(actor),
      getPolicyRescore(actor),
      // A version that does not exist (or a typo in the URL) shows a note, not an error page.
      compare && /^\d{1,9}$/.test(compare)
        ? comparePolicyVersion(actor, { version: compare }).catch((e: unknown) => {
            if (isAppError(e) && e.code === "not_found") return "missing" as const;
            throw e;
          })
        : null,
    ]),
  );
  const canEdit = actor ? can(actor.role, "policy:edit") && can(actor.role, "exception:approve") : false;
  const checks = [...catalogue]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((c) => ({ id: c.id, title: c.title }));
  const checkId = checks.some((c) => c.id === one(query.checkId)) ? one(query.checkId) : undefined;
  // Only a well-formed fingerprint offers the "this finding only" scope.
  const fingerprint = /^[0-9a-f]{16}$/.test(one(query.fingerprint) ?? "")
    ? one(query.fingerprint)
    : undefined;

  return (
    <section className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Scoring policy</h1>
        <p className="mt-1 text-slate-600" data-testid="active-version">
          {view.version === 0 ? (
            "The built-in default policy applies (no version saved yet)."
          ) : (
            <>
              Version {view.version}, saved {view.createdAt ? <UtcTime at={view.createdAt} /> : null} by{" "}
              {view.createdByLogin ?? "unknown"}.
            </>
          )}{" "}
          Saving a new version re-scores every repository from its last sync, in the background.
        </p>
      </div>
      <RescoreProgress run={rescore} />
      {comparison === "missing" ? (
        <p role="alert" className="text-sm text-red-700">
          Policy version {compare} does not exist.
        </p>
      ) : comparison ? (
        <PolicyCompare comparison={comparison} />
      ) : null}
      <section aria-labelledby="active-policy">
        <h2 id="active-policy" className="mb-2 font-semibold">
          Active policy
        </h2>
        <PolicyView view={view} approverLogin={canEdit ? (actor?.login ?? null) : null} />
      </section>
      {canEdit ? (
        <>
          <section
            id="add-exception"
            aria-labelledby="add-exception-title"
            className="rounded-lg border border-slate-200 bg-white p-5"
          >
            <h2 id="add-exception-title" className="mb-3 font-semibold">
              Add an exception
            </h2>
            <ExceptionForm
              version={view.version}
              checks={checks}
              approver={actor?.login ?? "you"}
              defaults={{
                checkId,
                repo: one(query.repo)?.slice(0, 200),
                fingerprint,
                expiresAt: suggestedExpiry(),
              }}
            />
          </section>
          <section aria-labelledby="edit-policy" className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 id="edit-policy" className="mb-3 font-semibold">
              Edit the policy
            </h2>
            <PolicySettingsForm settings={view.policy} version={view.version} />
            <details className="mt-5 border-t border-slate-200 pt-3">
              <summary className="cursor-pointer text-sm font-medium">
                Advanced: edit the whole policy as JSON
              </summary>
              <div className="mt-3">
                <PolicyEditor json={JSON.stringify(view.policy, null, 2)} version={view.version} />
              </div>
            </details>
          </section>
        </>
      ) : null}
      <section aria-labelledby="history">
        <h2 id="history" className="mb-2 font-semibold">
          Version history
        </h2>
        <PolicyHistory versions={versions} />
      </section>
    </section>
  );
}
