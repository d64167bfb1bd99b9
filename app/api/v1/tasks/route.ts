import { z } from "zod";
import { apiListRoute } from "@/lib/api/define-route";
import { SEVERITIES } from "@/lib/checks/types";
import { getActivePolicy } from "@/lib/server/policy/get-active-policy";
import { listTasks } from "@/lib/server/tasks/list-tasks";
import { TASK_STATUSES } from "@/lib/tasks/plan";
import { TaskSchema, taskView } from "./task-schema";

export const GET = apiListRoute(
  {
    method: "GET",
    path: "/api/v1/tasks",
    summary: "Remediation tasks, most urgent first",
    description:
      "Filtered like the tasks board. Page with `cursor` (the previous answer's `nextCursor`, stable while tasks change) or with `page`.",
    tags: ["tasks"],
    query: z
      .object({
        repo: z.string().max(200).optional().meta({ description: "owner/name" }),
        status: z
          .enum([...TASK_STATUSES, "active"])
          .optional()
          .meta({ description: "`active` is open or in progress" }),
        owner: z.string().max(200).optional().meta({ description: "A suggested owner, `@login` or `login`" }),
        team: z.string().max(200).optional().meta({ description: "A team, `@org/team` or `org/team`" }),
        severity: z.enum(SEVERITIES).optional(),
        overdue: z.enum(["true", "false"]).optional().meta({ description: "Open work past its due date" }),
        cursor: z.string().min(1).max(100).optional(),
        page: z.coerce.number().int().min(1).max(10_000).optional(),
        pageSize: z.coerce.number().int().min(1).max(200).optional(),
      })
      .strict(),
    response: TaskSchema,
  },
  async ({ actor, query }) => {
    const [{ items, total, nextCursor }, policy] = await Promise.all([
      listTasks(actor, query),
      getActivePolicy(actor),
    ]);
    return { items: items.map((t) => taskView(t, policy.exceptions)), total, nextCursor };
  },
);
