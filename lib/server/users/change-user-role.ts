import "server-only";
import { z } from "zod";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { ROLES } from "../authz/permissions";
import { appendAuditEntry } from "../internal/append-audit-entry";

const input = z.object({ userId: z.string().min(1), role: z.enum(ROLES) });

/** Takes effect on the user's next request: sessions read the role from the database. */
export async function changeUserRole(actor: Actor | null, raw: unknown) {
  const who = await authorize(actor, "users:manage");
  const { userId, role } = input.parse(raw);
  return getDb().$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { role: true, githubLogin: true },
    });
    if (!user) throw new AppError("not_found", "No such user.");
    if (user.role === role) return { changed: false as const };
    if (user.role === "admin") {
      const admins = await tx.user.count({ where: { role: "admin", disabledAt: null } });
      if (admins <= 1) throw new AppError("conflict", "The last admin cannot be demoted.");
    }
    await tx.user.update({ where: { id: userId }, data: { role } });
    await appendAuditEntry(
      who,
      {
        action: "user.role_changed",
        targetType: "user",
        targetId: userId,
        details: { login: user.githubLogin, from: user.role, to: role },
      },
      tx,
    );
    return { changed: true as const };
  });
}
