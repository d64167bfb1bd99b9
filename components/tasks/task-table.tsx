import type { TaskItem } from "@/lib/server/internal/task-schemas";
import { exceptionsForTask } from "./task-exceptions";
import type { ExceptionView } from "@/lib/server/policy/get-active-policy";
import { TaskRows, type TaskRow } from "./task-rows";

function toRow(t: TaskItem, exceptions: readonly ExceptionView[]): TaskRow {
  return {
    id: t.id,
    priority: t.priority,
    repo: t.repo,
    check: t.check,
    checkTitle: t.checkTitle,
    severity: t.severity,
    owners: t.owners.join(", "),
    due: t.dueAt.toISOString().slice(0, 10),
    overdue: t.overdue,
    status: t.status,
    // Only what the summary shows (the policy's exceptions carry more).
    exceptions: exceptionsForTask(t, exceptions).map((e) => ({
      id: e.id,
      fingerprint: e.fingerprint,
      requestedBy: e.requestedBy,
      approver: e.approver,
      expiresAt: e.expiresAt,
      status: e.status,
    })),
  };
}

/**
 * The board's rows are lean on purpose (cell styles on the table, plain anchors rather
 * than a client Link per cell, rows drawn from data by TaskRows): the board serves fifty
 * of them on every request, so their bytes are most of its cost.
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
          <TaskRows rows={items.map((t) => toRow(t, exceptions))} canEdit={canEdit} />
        </tbody>
      </table>
    </div>
  );
}
