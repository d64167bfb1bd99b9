import "server-only";
import { AppError } from "../../errors";
import { appendAuditEntry } from "../internal/append-audit-entry";
import type { Actor } from "./actor";
import { can, type Permission } from "./permissions";

/**
 * The data layer's gate: every lib/server function calls this first. A refusal is
 * written to the audit log (who, what, from where) before the error propagates.
 */
export async function authorize(
  actor: Actor | null,
  permission: Permission,
  target?: { type: string; id: string },
): Promise<Actor> {
  if (!actor) throw new AppError("unauthenticated", "Sign in to continue.");
  if (can(actor.role, permission)) return actor;
  await appendAuditEntry(actor, {
    action: "authz.denied",
    targetType: target?.type,
    targetId: target?.id,
    details: { permission, role: actor.role },
  });
  throw new AppError("forbidden", `Your role (${actor.role}) does not allow ${permission}.`);
}
