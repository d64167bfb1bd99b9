import "server-only";
import { z } from "zod";
import { parseKey } from "../../crypto/aead";
import { getDb } from "../../db";
import { getEnv } from "../../env";
import { AppError } from "../../errors";
import { openGitHubIssue } from "../../sync/github/open-issue";
import { issueBody, issueTitle } from "../../tasks/issue-body";
import { appendAuditEntry } from "../internal/append-audit-entry";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { getTask } from "./get-task";

const input = z.strictObject({
  id: z.string().min(1).max(100),
  /** Where the issue links back to (the dashboard's own URL). */
  appUrl: z.url().optional(),
});

/**
 * "Open as GitHub issue": engineers and security leads open one issue per task through
 * the organisation's configured connection; the task links to it. Asking again returns
 * the issue already opened instead of opening a second one.
 */
export async function openTaskIssue(actor: Actor | null, raw: unknown): Promise<{ issueUrl: string }> {
  const who = await authorize(actor, "task:edit", {
    type: "task",
    id: String((raw as { id?: unknown })?.id ?? ""),
  });
  const { id, appUrl } = input.parse(raw);
  const db = getDb();
  const task = await getTask(who, { id });
  if (task.issueUrl) return { issueUrl: task.issueUrl };
  const repo = await db.repository.findFirstOrThrow({
    where: { tasks: { some: { id } } },
    select: { name: true, organizationId: true, organization: { select: { login: true } } },
  });
  const base = (appUrl ?? getEnv().NEXTAUTH_URL ?? "").replace(/\/$/, "");
  let opened;
  try {
    opened = await openGitHubIssue(db, parseKey(getEnv().GATEHOUSE_ENCRYPTION_KEY), repo.organizationId, {
      owner: repo.organization.login,
      repo: repo.name,
      title: issueTitle(task),
      body: issueBody({ ...task, taskUrl: `${base}/tasks/${id}` }),
    });
  } catch (error) {
    throw new AppError("conflict", `GitHub refused the issue: ${(error as Error).message}`);
  }
  await db.$transaction(async (tx) => {
    await tx.remediationTask.update({ where: { id }, data: { issueUrl: opened.htmlUrl } });
    await tx.remediationTaskEvent.create({
      data: { taskId: id, kind: "issue_opened", actorId: who.userId, note: opened.htmlUrl },
    });
    await appendAuditEntry(
      who,
      { action: "task.issue_opened", targetType: "task", targetId: id, details: { issue: opened.htmlUrl } },
      tx,
    );
  });
  return { issueUrl: opened.htmlUrl };
}
