import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import type { Prisma } from "../../generated/prisma/client";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { orgScopeFilter } from "../internal/org-scope";
import { ListTasksInput, type ListTasksOutput } from "../internal/task-schemas";
import { TASK_ITEM_SELECT, toTaskItem } from "../internal/task-item";

const at = (s: string) => (s.startsWith("@") ? s : `@${s}`);

/** The tasks board and GET /api/v1/tasks: most urgent first, filtered, one page at a time. */
export async function listTasks(actor: Actor | null, raw: unknown = {}): Promise<ListTasksOutput> {
  const who = await authorize(actor, "dashboard:read");
  const {
    repo,
    status,
    owner,
    team,
    assignee,
    severity,
    overdue,
    page,
    pageSize,
    cursor,
    now = new Date(),
  } = ListTasksInput.parse(raw);
  const active = ["open", "in_progress"];
  // Only open work can be overdue: "overdue" alone means open or in progress.
  if (overdue && status && status !== "active" && !active.includes(status))
    return { items: [], total: 0, nextCursor: null };
  const statuses = status === "active" || (overdue && !status) ? active : status ? [status] : null;
  const where: Prisma.RemediationTaskWhereInput = {
    // Object-level isolation: a scoped actor sees its organisations' tasks only.
    repository: { ...(repo ? { fullName: repo } : {}), organizationId: orgScopeFilter(who) },
    ...(statuses ? { status: { in: statuses } } : {}),
    ...(severity ? { severity } : {}),
    ...(overdue ? { dueAt: { lt: now } } : {}),
    ...(assignee ? { assignee: at(assignee) } : {}),
    AND: [
      ...(owner ? [{ owners: { array_contains: [at(owner)] } }] : []),
      ...(team ? [{ owners: { array_contains: [at(team)] } }] : []),
    ],
  };
  const db = getDb();
  if (
    cursor &&
    !(await db.remediationTask.findFirst({ where: { AND: [where, { id: cursor }] }, select: { id: true } }))
  )
    throw new AppError(
      "invalid",
      "cursor: no such task in this list (pass a nextCursor from the same filters).",
    );
  const [rows, total] = await Promise.all([
    db.remediationTask.findMany({
      where,
      // id last: a total order, so a cursor (the last id seen) resumes exactly after it.
      orderBy: [{ priority: "desc" }, { dueAt: "asc" }, { id: "asc" }],
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : { skip: (page - 1) * pageSize }),
      take: pageSize + 1,
      select: TASK_ITEM_SELECT,
    }),
    db.remediationTask.count({ where }),
  ]);
  const items = rows.slice(0, pageSize).map((r) => toTaskItem(r, now));
  return { items, total, nextCursor: rows.length > pageSize ? (items.at(-1)?.id ?? null) : null };
}
