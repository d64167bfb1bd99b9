import "server-only";
import { getDb } from "../../db";
import type { Prisma } from "../../generated/prisma/client";
import { authorize } from "../authz/authorize";
import { organizationFilter } from "../internal/org-scope";
import type { Actor } from "../authz/actor";
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
    severity,
    overdue,
    page,
    pageSize,
    now = new Date(),
  } = ListTasksInput.parse(raw);
  const active = ["open", "in_progress"];
  // Only open work can be overdue: "overdue" alone means open or in progress.
  if (overdue && status && status !== "active" && !active.includes(status)) return { items: [], total: 0 };
  const statuses = status === "active" || (overdue && !status) ? active : status ? [status] : null;
  const where: Prisma.RemediationTaskWhereInput = {
    repository: { ...(await organizationFilter(who)), ...(repo ? { fullName: repo } : {}) },
    ...(statuses ? { status: { in: statuses } } : {}),
    ...(severity ? { severity } : {}),
    ...(overdue ? { dueAt: { lt: now } } : {}),
    AND: [
      ...(owner ? [{ owners: { array_contains: [at(owner)] } }] : []),
      ...(team ? [{ owners: { array_contains: [at(team)] } }] : []),
    ],
  };
  const db = getDb();
  const [rows, total] = await Promise.all([
    db.remediationTask.findMany({
      where,
      orderBy: [{ priority: "desc" }, { dueAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: TASK_ITEM_SELECT,
    }),
    db.remediationTask.count({ where }),
  ]);
  return { items: rows.map((r) => toTaskItem(r, now)), total };
}
