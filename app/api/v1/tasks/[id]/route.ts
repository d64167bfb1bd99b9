import { z } from "zod";
import { apiRoute } from "@/lib/api/define-route";
import { updateTaskStatus } from "@/lib/server/tasks/update-task-status";
import { TaskSchema, taskView } from "../task-schema";

export const PATCH = apiRoute(
  {
    method: "PATCH",
    path: "/api/v1/tasks/{id}",
    summary: "Move a task between open and in progress",
    description:
      "Engineers and security leads (auditors and admins are refused, and the refusal audited), like the tasks board. Fixed and accepted risk are never set by hand: a sync proves a fix, an approved exception accepts a risk; a task in either state answers 409.",
    tags: ["tasks"],
    params: z.object({ id: z.string().min(1).max(100) }).strict(),
    body: z
      .object({
        status: z.enum(["open", "in_progress"]),
        note: z.string().max(500).optional().meta({ description: "Kept in the task's history" }),
      })
      .strict(),
    response: TaskSchema,
  },
  async ({ actor, params, body }) => taskView(await updateTaskStatus(actor, { id: params.id, ...body })),
);
