import { z } from "zod";
import { apiRoute } from "@/lib/api/define-route";
import { getActivePolicy } from "@/lib/server/policy/get-active-policy";
import { updateTask } from "@/lib/server/tasks/update-task";
import { TaskSchema, taskView } from "../task-schema";

export const PATCH = apiRoute(
  {
    method: "PATCH",
    path: "/api/v1/tasks/{id}",
    summary: "Change open work: its status, assignee or due date",
    description:
      "Engineers and security leads (auditors and admins are refused, and the refusal audited), through the tasks board's own verb. Give at least one of `status`, `assignee`, `dueAt`; each change is kept in the task's history and the audit log. Fixed and accepted risk are never set by hand (a sync proves a fix, an approved exception accepts a risk): a task in either state answers 409. A due date holds until the task reopens, which starts a fresh SLA.",
    tags: ["tasks"],
    params: z.object({ id: z.string().min(1).max(100) }).strict(),
    body: z
      .object({
        status: z.enum(["open", "in_progress"]).optional(),
        assignee: z
          .string()
          .max(141)
          .nullable()
          .optional()
          .meta({ description: "A GitHub login or org/team (`@` optional); null unassigns" }),
        dueAt: z
          .union([z.iso.date(), z.iso.datetime({ offset: true })])
          .optional()
          .meta({
            description: "A date (YYYY-MM-DD, midnight UTC) or an ISO date-time",
          }),
        note: z.string().max(500).optional().meta({ description: "Kept in the task's history" }),
      })
      .strict(),
    response: TaskSchema,
  },
  async ({ actor, params, body }) => {
    const task = await updateTask(actor, { id: params.id, ...body });
    return taskView(task, (await getActivePolicy(actor)).exceptions);
  },
);
