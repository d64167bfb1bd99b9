import type { TaskItem } from "@/lib/server/internal/task-schemas";
import { SeverityBadge } from "@/components/scores/severity-badge";
import { STATUS_LABELS } from "./task-filters";
import { TaskStatusControls } from "./task-status-controls";
import { exceptionsForTask } from "./task-exceptions";
import type { ExceptionView } from "@/lib/server/policy/get-active-policy";
import { ExceptionSummary } from "@/components/policy/exception-summary";

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The board's rows are lean on purpose (cell styles on the table, plain anchors rather
 * than a client Link per cell, the status control only where a status can be changed):
 * every row is paid for twice, in the HTML and again in the page's inline RSC payload.
 */
export function TaskTable({
  items,
  canEdit,
  exceptions = [],
}: {
  items: TaskItem[];
  canEdit: boolean;
  /** The active policy's exceptions: each task shows its own (requester, approver, expiry). */
  exceptions?: readonly ExceptionView[];
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table
        className="w-full text-left text-sm [&_td]:px-3 [&_td]:py-2 [&_tbody_tr]:border-b [&_tbody_tr]:border-slate-100"
        data-testid="tasks"
      >
        <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
          <tr>
            <th className="px-3 py-2">Priority</th>
            <th className="px-3 py-2">Repository</th>
            <th className="px-3 py-2">Check</th>
            <th className="px-3 py-2">Severity</th>
            <th className="px-3 py-2">Owner</th>
            <th className="px-3 py-2">Due (UTC)</th>
            <th className="px-3 py-2">Status</th>
            {canEdit ? <th className="px-3 py-2">Work</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((t) => (
            <tr key={t.id} data-testid="task-row" data-task-id={t.id}>
              <td className="tabular-nums">{t.priority}</td>
              <td>
                <a href={`/repos/${t.repo}`} className="hover:underline">
                  {t.repo}
                </a>
              </td>
              <td>
                <a href={`/tasks/${t.id}`} className="font-medium hover:underline" title={t.checkTitle}>
                  {t.check}
                </a>
              </td>
              <td>
                <SeverityBadge severity={t.severity} />
              </td>
              <td>{t.owners.join(", ") || <span className="text-slate-500">none</span>}</td>
              {t.overdue ? (
                <td className="font-semibold text-red-700 tabular-nums">{day(t.dueAt)} · overdue</td>
              ) : (
                <td className="tabular-nums">{day(t.dueAt)}</td>
              )}
              <td data-testid="task-status">
                {STATUS_LABELS[t.status]}
                {exceptionsForTask(t, exceptions).map((e) => (
                  <span key={e.id} className="block text-xs text-slate-700">
                    <ExceptionSummary exception={e} />
                  </span>
                ))}
              </td>
              {canEdit ? (
                <td>
                  {t.status === "open" || t.status === "in_progress" ? (
                    <TaskStatusControls id={t.id} status={t.status} label={`${t.check} in ${t.repo}`} />
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
