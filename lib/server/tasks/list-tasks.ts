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

export interface ListTasksPage extends ListTasksOutput {
  /** False when counting stopped at `countUpTo`: there are more than `total` tasks. */
  totalExact: boolean;
}

/**
 * The tasks board and GET /api/v1/tasks: most urgent first, filtered, one page at a time.
 * `countUpTo` bounds the total (the board's): an exact count reads every matching task,
 * 195,000 index entries or a scan of the whole table at 10,000 repositories, on each view.
 */
export async function listTasks(
  actor: Actor | null,
  raw: unknown = {},
  { countUpTo }: { countUpTo?: number } = {},
): Promise<ListTasksPage> {
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
    return { items: [], total: 0, nextCursor: null, totalExact: true };
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
    // One past the bound tells "exactly countUpTo" from "more than countUpTo". A bounded
    // count is ordered (Prisma orders by id if told nothing, which walks the primary key and
    // reads every row's status: 20-80 ms); by status it reads the (status, dueAt) index alone.
    db.remediationTask.count({
      where,
      ...(countUpTo ? { take: countUpTo + 1, orderBy: { status: "asc" } } : {}),
    }),
  ]);
  const items = rows.slice(0, pageSize).map((r) => toTaskItem(r, now));
  const nextCursor = rows.length > pageSize ? (items.at(-1)?.id ?? null) : null;
  if (countUpTo && total > countUpTo) return { items, total: countUpTo, nextCursor, totalExact: false };
  return { items, total, nextCursor, totalExact: true };
}
