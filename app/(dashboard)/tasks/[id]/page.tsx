import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getActor } from "@/lib/auth";
import { isAppError } from "@/lib/errors";
import { guard } from "@/lib/server/authz/guard";
import { can } from "@/lib/server/authz/permissions";
import { getTask } from "@/lib/server/tasks/get-task";
import { SeverityBadge } from "@/components/scores/severity-badge";
import { STATUS_LABELS } from "@/components/tasks/task-filters";
import { OpenIssueButton } from "@/components/tasks/open-issue-button";
import { TaskHistory } from "@/components/tasks/task-history";
import { TaskStatusControls } from "@/components/tasks/task-status-controls";
import { TaskAssignForm } from "@/components/tasks/task-assign-form";
import { InlineText, Remediation } from "@/components/scores/remediation";
import { getActivePolicy } from "@/lib/server/policy/get-active-policy";
import { exceptionsForTask } from "@/components/tasks/task-exceptions";
import { ExceptionSummary } from "@/components/policy/exception-summary";

export const metadata: Metadata = { title: "Task" };

export default async function TaskPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getActor();
  const task = await guard(getTask(actor, { id })).catch((error: unknown) => {
    if (isAppError(error, "not_found")) notFound();
    throw error;
  });
  const policy = await guard(getActivePolicy(actor));
  const exceptions = exceptionsForTask(task, policy.exceptions);
  const canAccept = actor ? can(actor.role, "exception:approve") : false;
  const canEdit = actor ? can(actor.role, "task:edit") : false;
  return (
    <section className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/tasks" className="text-slate-600 hover:underline">
            Tasks
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">
          {task.checkTitle} in {task.repo}
        </h1>
        <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
          <SeverityBadge severity={task.severity} />
          <span data-testid="task-status">{STATUS_LABELS[task.status]}</span>
          <span>Priority {task.priority}</span>
          <span>Due {task.dueAt.toISOString().slice(0, 10)} (UTC)</span>
          <span>Owner {task.owners.join(", ") || "none"}</span>
          <span data-testid="task-assignee">Assignee {task.assignee ?? "none"}</span>
          {canEdit ? <TaskStatusControls id={task.id} status={task.status} label={task.check} /> : null}
          {task.issueUrl ? (
            <a href={task.issueUrl} className="text-blue-700 hover:underline" data-testid="task-issue">
              GitHub issue
            </a>
          ) : canEdit ? (
            <OpenIssueButton id={task.id} />
          ) : null}
        </div>
        {canEdit ? (
          <TaskAssignForm
            id={task.id}
            status={task.status}
            assignee={task.assignee}
            dueAt={task.dueAt.toISOString().slice(0, 10)}
          />
        ) : null}
        {exceptions.length > 0 ? (
          <ul className="mt-2 text-sm text-slate-700" data-testid="task-exceptions">
            {exceptions.map((e) => (
              <li key={e.id}>
                Exception: <ExceptionSummary exception={e} />
              </li>
            ))}
          </ul>
        ) : null}
        {canAccept && (task.status === "open" || task.status === "in_progress") ? (
          <p className="mt-2 text-sm">
            {/* The repository page lists each finding with "this finding only" next to the whole check. */}
            <Link href={`/repos/${task.repo}#check-${task.check}`} className="underline">
              Accept the risk (one finding or the whole check)
            </Link>
          </p>
        ) : null}
        {task.closedBySyncRunId ? (
          <p className="mt-2 text-sm text-emerald-800" data-testid="closed-by">
            Fixed: sync run {task.closedBySyncRunId} showed the check passing.
          </p>
        ) : null}
      </div>
      <section aria-labelledby="evidence-title">
        <h2 id="evidence-title" className="mb-2 font-semibold">
          Evidence and fix
        </h2>
        {task.evidence.length === 0 ? (
          <p className="text-sm text-slate-600">No finding recorded (the check failed as a whole).</p>
        ) : (
          <ul className="space-y-3">
            {task.evidence.map((e, i) => (
              <li key={i} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
                <p>
                  <InlineText text={e.message} />
                </p>
                <p className="mt-1 font-mono text-xs text-slate-600">
                  {e.file ? `${e.file}:${e.line ?? ""}` : e.field}
                </p>
                <div className="mt-2">
                  <Remediation text={e.remediation} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="history-title">
        <h2 id="history-title" className="mb-2 font-semibold">
          History
        </h2>
        <TaskHistory events={task.events} />
      </section>
    </section>
  );
}
