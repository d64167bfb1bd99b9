import { z } from "zod";
import { SEVERITIES } from "../../checks/types";
import { TASK_STATUSES } from "../../tasks/plan";

// The zod contracts of the tasks verbs: pages pass form values through them and the REST
// API (api/v1/tasks) publishes them as its OpenAPI document.

const flag = z
  .union([z.boolean(), z.enum(["true", "false", "1", "0", ""])])
  .transform((v) => v === true || v === "true" || v === "1");

export const ListTasksInput = z
  .strictObject({
    /** owner/name */
    repo: z.string().trim().max(200).optional(),
    status: z.enum([...TASK_STATUSES, "active"]).optional(),
    /** A CODEOWNERS owner or admin, "@login" or "login". */
    owner: z.string().trim().max(200).optional(),
    /** A team, "@org/team" or "org/team". */
    team: z.string().trim().max(200).optional(),
    /** Who the task is assigned to, "@login" or "login" (owners are suggestions; the assignee is who took it). */
    assignee: z.string().trim().max(200).optional(),
    severity: z.enum(SEVERITIES).optional(),
    overdue: flag.optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
    /** A task id from a previous page's nextCursor: the page after it (page is then ignored). */
    cursor: z.string().min(1).max(100).optional(),
    now: z.date().optional(),
  })
  .transform((v) => ({
    ...v,
    repo: v.repo || undefined,
    owner: v.owner || undefined,
    team: v.team || undefined,
    assignee: v.assignee || undefined,
  }));

export const TaskItem = z.object({
  id: z.string(),
  repo: z.string(),
  check: z.string(),
  checkTitle: z.string(),
  status: z.enum(TASK_STATUSES),
  severity: z.enum(SEVERITIES),
  priority: z.number().int(),
  owner: z.string().nullable(),
  owners: z.array(z.string()),
  assignee: z.string().nullable(),
  dueAt: z.date(),
  overdue: z.boolean(),
  createdAt: z.date(),
  closedAt: z.date().nullable(),
  closedBySyncRunId: z.string().nullable(),
  exceptionId: z.string().nullable(),
  issueUrl: z.string().nullable(),
});
export type TaskItem = z.infer<typeof TaskItem>;

export const ListTasksOutput = z.object({
  items: z.array(TaskItem),
  total: z.number().int(),
  /** The id to pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type ListTasksOutput = z.infer<typeof ListTasksOutput>;

/** A GitHub login or team as tasks store owners: "@login" or "@org/team". */
const assignee = z
  .string()
  .trim()
  .regex(/^@?[A-Za-z0-9-]{1,39}(\/[A-Za-z0-9._-]{1,100})?$/, "a GitHub login or org/team")
  .transform((v) => (v.startsWith("@") ? v : `@${v}`));

/**
 * What people change on open work: its status (between open and in progress; fixed and
 * accepted risk are proven by scoring), who it is assigned to (null unassigns), its due
 * date (kept until the task reopens, which starts a fresh SLA). At least one of them.
 */
export const UpdateTaskInput = z
  .strictObject({
    id: z.string().min(1).max(100),
    status: z.enum(["open", "in_progress"]).optional(),
    assignee: assignee.nullable().optional(),
    dueAt: z.coerce.date().optional(),
    note: z.string().trim().max(500).optional(),
  })
  .refine((v) => v.status !== undefined || v.assignee !== undefined || v.dueAt !== undefined, {
    message: "give at least one of status, assignee, dueAt",
  });
