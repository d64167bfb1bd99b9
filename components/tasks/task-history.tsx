import type { TaskEventView } from "@/lib/server/tasks/get-task";

const KIND_LABELS: Record<string, string> = {
  opened: "Opened by scoring",
  fixed: "Fixed (verified by sync)",
  reopened: "Reopened",
  risk_accepted: "Risk accepted",
  exception_expired: "Exception expired, reopened",
  exception_revoked: "Exception revoked, reopened",
  status_changed: "Status changed",
  issue_opened: "GitHub issue opened",
  assigned: "Assigned",
  due_changed: "Due date changed",
};

export function TaskHistory({ events }: { events: TaskEventView[] }) {
  return (
    <ol className="space-y-1 text-sm" data-testid="task-history">
      {events.map((e, i) => (
        <li key={i} data-kind={e.kind}>
          <span className="tabular-nums text-slate-500">
            {e.at.toISOString().replace("T", " ").slice(0, 16)} UTC
          </span>{" "}
          <span className="font-medium">{KIND_LABELS[e.kind] ?? e.kind}</span>
          {e.fromStatus && e.toStatus ? ` (${e.fromStatus} → ${e.toStatus})` : ""}
          {e.actorLogin ? ` by ${e.actorLogin}` : ""}
          {e.syncRunId ? ` · sync run ${e.syncRunId}` : ""}
          {e.note ? ` · ${e.note}` : ""}
        </li>
      ))}
    </ol>
  );
}
