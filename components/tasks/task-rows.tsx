"use client";
import type { Severity } from "@/lib/checks/types";
import { SeverityBadge } from "@/components/scores/severity-badge";
import { ExceptionSummary, type ExceptionSummaryData } from "@/components/policy/exception-summary";
import { STATUS_LABELS } from "./task-filters";
import { TaskStatusControls } from "./task-status-controls";

/** What one board row shows, and nothing else: these props are the row's whole cost in the page payload. */
export interface TaskRow {
  id: string;
  priority: number;
  repo: string;
  check: string;
  checkTitle: string;
  severity: Severity;
  /** Comma-separated, or empty. */
  owners: string;
  /** YYYY-MM-DD (UTC). */
  due: string;
  overdue: boolean;
  status: string;
  exceptions: ExceptionSummaryData[];
}

/**
 * The board's rows, rendered from data. A client component on purpose: rows written as
 * server components travel twice (as HTML and as an element tree of the same markup in the
 * inline RSC payload); as props they travel as HTML plus this small data. The status
 * control (where the reader may edit and the status can move) is the same small form.
 */
export function TaskRows({ rows, canEdit }: { rows: TaskRow[]; canEdit: boolean }) {
  return rows.map((t) => (
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
      <td>{t.owners || <span className="text-slate-500">none</span>}</td>
      {t.overdue ? (
        <td className="font-semibold text-red-700 tabular-nums">{t.due} · overdue</td>
      ) : (
        <td className="tabular-nums">{t.due}</td>
      )}
      <td data-testid="task-status">
        {STATUS_LABELS[t.status]}
        {t.exceptions.map((e) => (
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
  ));
}
