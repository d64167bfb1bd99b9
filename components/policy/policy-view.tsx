import { SEVERITIES } from "@/lib/checks/types";
import type { ActivePolicyView } from "@/lib/server/policy/get-active-policy";
import { ApproveExceptionButton, RevokeExceptionButton } from "./exception-decision-button";

function List({ title, items, empty }: { title: string; items: string[]; empty: string }) {
  return (
    <div>
      <h3 className="text-sm font-medium text-slate-500">{title}</h3>
      {items.length === 0 ? (
        <p className="mt-1 text-sm text-slate-500">{empty}</p>
      ) : (
        <ul className="mt-1 space-y-0.5 font-mono text-xs">
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The active policy as everyone on the dashboard sees it. */
export function PolicyView({
  view,
  approverLogin,
}: {
  view: ActivePolicyView;
  /** The signed-in security lead who may approve others' pending exceptions; null for everyone else. */
  approverLogin?: string | null;
}) {
  const { policy } = view;
  return (
    <div className="space-y-6">
      <div className="grid gap-6 rounded-lg border border-slate-200 bg-white p-5 sm:grid-cols-4">
        <div>
          <h3 className="text-sm font-medium text-slate-500">Weights</h3>
          <table className="mt-1 text-sm" data-testid="policy-weights">
            <caption className="sr-only">Weight per severity</caption>
            <tbody>
              {SEVERITIES.map((s) => (
                <tr key={s}>
                  <th scope="row" className="pr-4 text-left font-normal capitalize">
                    {s}
                  </th>
                  <td className="tabular-nums">{policy.weights[s]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <List title="Critical repositories" items={policy.criticalRepos} empty="None marked." />
        <List
          title="Production environment patterns"
          items={policy.productionEnvironmentPatterns}
          empty="None."
        />
        <List
          title="Environments marked as production"
          items={policy.productionEnvironments}
          empty="None marked."
        />
      </div>
      <div>
        <h3 className="font-semibold">Exceptions</h3>
        {view.exceptions.length === 0 ? (
          <p className="mt-1 text-sm text-slate-500">No exceptions: every finding counts.</p>
        ) : (
          <div className="mt-2 overflow-x-auto">
            <table className="w-full border-collapse bg-white text-sm" data-testid="exceptions">
              <caption className="sr-only">Accepted risks with their requester, approver and expiry</caption>
              <thead>
                <tr className="border-b border-slate-200 text-left text-slate-500">
                  {[
                    "Id",
                    "Check",
                    "Repository",
                    "Justification",
                    "Requested by",
                    "Approver",
                    "Expires",
                    "Status",
                  ].map((h) => (
                    <th key={h} scope="col" className="px-3 py-2 font-medium">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {view.exceptions.map((e) => (
                  <tr key={e.id} className="border-b border-slate-100" data-testid={`exception-${e.id}`}>
                    <th scope="row" className="px-3 py-2 text-left font-mono text-xs font-normal">
                      {e.id}
                    </th>
                    <td className="px-3 py-2 font-mono text-xs">{e.checkId}</td>
                    <td className="px-3 py-2 font-mono text-xs">
                      {e.repo}
                      {e.fingerprint ? (
                        <span className="block text-slate-600">finding {e.fingerprint} only</span>
                      ) : null}
                    </td>
                    <td className="px-3 py-2">{e.justification}</td>
                    <td className="px-3 py-2">{e.requestedBy ?? "—"}</td>
                    <td className="px-3 py-2">{e.approver ?? "—"}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{e.expiresAt.slice(0, 10)}</td>
                    <td className={`px-3 py-2 ${e.active ? "text-emerald-700" : "text-slate-600"}`}>
                      {e.pending ? "Pending approval" : e.active ? "Active" : "Expired"}
                      {e.pending && approverLogin && approverLogin !== e.requestedBy ? (
                        <ApproveExceptionButton exceptionId={e.id} version={view.version} />
                      ) : null}
                      {approverLogin ? (
                        <RevokeExceptionButton exceptionId={e.id} version={view.version} />
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </div>
  );
}
