import "server-only";
import { AppError } from "../../errors";
import { appendAuditEntry } from "../internal/append-audit-entry";
import { FIXED_RULES, throttle } from "../internal/throttle";
import type { Actor } from "./actor";
import { can, type Permission } from "./permissions";

/**
 * The data layer's gate: every lib/server function calls this first. A refusal is
 * written to the audit log (who, what, from where) before the error propagates; past a
 * user's hourly budget, refusals are counted instead (./throttle).
 */
export async function authorize(
  actor: Actor | null,
  permission: Permission,
  target?: { type: string; id: string },
): Promise<Actor> {
  if (!actor) throw new AppError("unauthenticated", "Sign in to continue.");
  if (can(actor.role, permission)) return actor;
  // Each refusal is audited up to a budget per user and hour; past it, refusals are only
  // counted (one rate_limit.exceeded row says so), so nobody can flood the audit log.
  const budget = await throttle(FIXED_RULES.authzDenied, actor.userId, actor);
  if (budget.allowed)
    await appendAuditEntry(actor, {
      action: "authz.denied",
      targetType: target?.type,
      targetId: target?.id,
      details: { permission, role: actor.role },
    });
  throw new AppError("forbidden", `Your role (${actor.role}) does not allow ${permission}.`);
}
