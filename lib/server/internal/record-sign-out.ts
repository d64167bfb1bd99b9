import "server-only";
import { getDb } from "../../db";
import { appendAuditEntry } from "./append-audit-entry";
import type { RequestMeta } from "./request-context";

/** next-auth has already deleted the session row; this records who left, and from where. */
export async function recordSignOut(userId: string, meta: RequestMeta): Promise<void> {
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { githubLogin: true } });
  await appendAuditEntry(
    { userId, login: user?.githubLogin ?? null, ...meta },
    { action: "auth.sign_out", targetType: "user", targetId: userId },
  );
}
