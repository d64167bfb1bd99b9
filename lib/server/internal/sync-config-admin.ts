import "server-only";
import { getDb } from "../../db";
import { appendAuditEntry } from "./append-audit-entry";

/**
 * GATEHOUSE_ADMINS is authoritative for granting admin: a listed login that signs in
 * with a lesser role is promoted (audited as a role change made by configuration).
 */
export async function syncConfigAdmin(userId: string, admins: string[]): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { githubLogin: true, role: true },
    });
    if (!user?.githubLogin || !admins.includes(user.githubLogin) || user.role === "admin") return;
    await tx.user.update({ where: { id: userId }, data: { role: "admin" } });
    await appendAuditEntry(
      null,
      {
        action: "user.role_changed",
        targetType: "user",
        targetId: userId,
        details: { login: user.githubLogin, from: user.role, to: "admin", by: "GATEHOUSE_ADMINS" },
      },
      tx,
    );
  });
}
