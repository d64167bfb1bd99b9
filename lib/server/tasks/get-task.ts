import "server-only";
import { z } from "zod";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import type { TaskEvidence } from "../../tasks/observe";
import { authorize } from "../authz/authorize";
import { assertOrgScope } from "../internal/org-scope";
import { taskEvidenceColumn } from "../internal/json-columns";
import type { Actor } from "../authz/actor";
import type { TaskItem } from "../internal/task-schemas";
import { TASK_ITEM_SELECT, toTaskItem } from "../internal/task-item";

const input = z.strictObject({ id: z.string().min(1).max(100), now: z.date().optional() });

export interface TaskEventView {
  at: Date;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  actorLogin: string | null;
  syncRunId: string | null;
  note: string | null;
}

export interface TaskDetail extends TaskItem {
  evidence: TaskEvidence[];
  events: TaskEventView[];
}

/** One task with its evidence and its whole history (oldest first). */
export async function getTask(actor: Actor | null, raw: unknown): Promise<TaskDetail> {
  const who = await authorize(actor, "dashboard:read");
  const { id, now = new Date() } = input.parse(raw);
  const db = getDb();
  const row = await db.remediationTask.findUnique({
    where: { id },
    select: {
      ...TASK_ITEM_SELECT,
      evidence: true,
      // Insertion order is the order things happened (clocks of scoring and people may differ in tests).
      events: { orderBy: { id: "asc" } },
    },
  });
  if (!row) throw new AppError("not_found", `No task ${id}.`);
  assertOrgScope(who, row.repository.organizationId, `No task ${id}.`);
  const actorIds = [...new Set(row.events.map((e) => e.actorId).filter((a): a is string => a !== null))];
  const users = await db.user.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, githubLogin: true },
  });
  const login = new Map(users.map((u) => [u.id, u.githubLogin]));
  return {
    ...toTaskItem(row, now),
    evidence: taskEvidenceColumn.read(row.evidence),
    events: row.events.map((e) => ({
      at: e.at,
      kind: e.kind,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorLogin: e.actorId ? (login.get(e.actorId) ?? e.actorId) : null,
      syncRunId: e.syncRunId,
      note: e.note,
    })),
  };
}
