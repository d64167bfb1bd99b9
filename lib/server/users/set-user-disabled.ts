import "server-only";
import { z } from "zod";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { appendAuditEntry } from "../internal/append-audit-entry";

const input = z.object({ userId: z.string().min(1), disabled: z.boolean() });

/** Disabling deletes the user's sessions, so they are signed out on their next request. */
export async function setUserDisabled(actor: Actor | null, raw: unknown) {
  const who = await authorize(actor, "users:manage");
  const { userId, disabled } = input.parse(raw);
  if (disabled && userId === who.userId) throw new AppError("conflict", "You cannot disable yourself.");
  return getDb().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { githubLogin: true } });
    if (!user) throw new AppError("not_found", "No such user.");
    await tx.user.update({ where: { id: userId }, data: { disabledAt: disabled ? new Date() : null } });
    if (disabled) await tx.session.deleteMany({ where: { userId } });
    await appendAuditEntry(
      who,
      {
        action: disabled ? "user.disabled" : "user.enabled",
        targetType: "user",
        targetId: userId,
        details: { login: user.githubLogin },
      },
      tx,
    );
  });
}
