import type { Metadata } from "next";
import Link from "next/link";
import { getActor } from "@/lib/auth";
import { guard } from "@/lib/server/authz/guard";
import { can } from "@/lib/server/authz/permissions";
import { listTasks } from "@/lib/server/tasks/list-tasks";
import { getActivePolicy } from "@/lib/server/policy/get-active-policy";
import { TaskFilters, type TaskFilterValues } from "@/components/tasks/task-filters";
import { TaskTable } from "@/components/tasks/task-table";

export const metadata: Metadata = { title: "Tasks" };

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
const PAGE_SIZE = 50;
/** The board counts this far, not every task: the exact total of 195,000 cost a scan per view. */
const COUNT_UP_TO = 10_000;

export default async function TasksPage({ searchParams }: { searchParams: Search }) {
  const actor = await getActor();
  const q = await searchParams;
  const values: TaskFilterValues = {
    repo: one(q.repo),
    owner: one(q.owner),
    team: one(q.team),
    assignee: one(q.assignee),
    severity: one(q.severity),
    status: one(q.status) ?? "active",
    overdue: one(q.overdue) === "true",
  };
  const page = Math.max(1, Number.parseInt(one(q.page) ?? "1", 10) || 1);
  const [{ items, total, totalExact, nextCursor }, policy] = await guard(
    Promise.all([
      listTasks(
        actor,
        { ...values, overdue: values.overdue, page, pageSize: PAGE_SIZE },
        { countUpTo: COUNT_UP_TO },
      ),
      getActivePolicy(actor),
    ]),
  );
  const canEdit = actor ? can(actor.role, "task:edit") : false;
  // Past the bound the number of pages is unknown: "Next" follows from a row after this page.
  const pages = totalExact ? Math.max(1, Math.ceil(total / PAGE_SIZE)) : null;
  const hasNext = pages === null ? nextCursor !== null : page < pages;
  const link = (p: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(values)) if (v) params.set(k, String(v));
    params.set("page", String(p));
    return `/tasks?${params.toString()}`;
  };

  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Remediation tasks</h1>
        <p className="mt-1 text-slate-600">
          One task per failing check of a repository, most urgent first. Scoring closes a task as fixed when a
          later sync shows the check passing, and reopens it if the check fails again.
        </p>
      </div>
      <TaskFilters values={values} />
      <p className="text-sm text-slate-600" data-testid="task-total">
        {pages === null
          ? `more than ${total} tasks · page ${page}`
          : `${total} ${total === 1 ? "task" : "tasks"}`}
        {pages !== null && pages > 1 ? ` · page ${page} of ${pages}` : ""}
      </p>
      {items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">
          No task matches these filters. Tasks appear after the first sync and scoring.
        </p>
      ) : (
        <TaskTable items={items} canEdit={canEdit} exceptions={policy.exceptions} />
      )}
      {pages === null || pages > 1 ? (
        <nav aria-label="Pages" className="flex gap-3 text-sm">
          {page > 1 ? <Link href={link(page - 1)}>Previous</Link> : null}
          {hasNext ? <Link href={link(page + 1)}>Next</Link> : null}
        </nav>
      ) : null}
    </section>
  );
}
