import Link from "next/link";
import type { TaskItem } from "@/lib/server/internal/task-schemas";
import { SeverityBadge } from "@/components/scores/severity-badge";
import { STATUS_LABELS } from "./task-filters";
import { TaskStatusControls } from "./task-status-controls";
import { exceptionsForTask } from "./task-exceptions";
import type { ExceptionView } from "@/lib/server/policy/get-active-policy";
import { ExceptionSummary } from "@/components/policy/exception-summary";

const day = (d: Date) => d.toISOString().slice(0, 10);

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
      <table className="w-full text-left text-sm" data-testid="tasks">
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
            <tr key={t.id} className="border-b border-slate-100" data-testid="task-row" data-task-id={t.id}>
              <td className="px-3 py-2 tabular-nums">{t.priority}</td>
              <td className="px-3 py-2">
                <Link href={`/repos/${t.repo}`} className="hover:underline">
                  {t.repo}
                </Link>
              </td>
              <td className="px-3 py-2">
                <Link href={`/tasks/${t.id}`} className="font-medium hover:underline" title={t.checkTitle}>
                  {t.check}
                </Link>
              </td>
              <td className="px-3 py-2">
                <SeverityBadge severity={t.severity} />
              </td>
              <td className="px-3 py-2">
                {t.owners.join(", ") || <span className="text-slate-500">none</span>}
              </td>
              <td className={`px-3 py-2 tabular-nums ${t.overdue ? "font-semibold text-red-700" : ""}`}>
                {day(t.dueAt)}
                {t.overdue ? " · overdue" : ""}
              </td>
              <td className="px-3 py-2" data-testid="task-status">
                {STATUS_LABELS[t.status]}
                {exceptionsForTask(t, exceptions).map((e) => (
                  <span key={e.id} className="block text-xs text-slate-700">
                    <ExceptionSummary exception={e} />
                  </span>
                ))}
              </td>
              {canEdit ? (
                <td className="px-3 py-2">
                  <TaskStatusControls id={t.id} status={t.status} label={`${t.check} in ${t.repo}`} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
