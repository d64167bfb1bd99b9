import "server-only";
import { z } from "zod";
import { AppError } from "../../errors";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { loadActivePolicy } from "./load-active-policy";
import { assertExceptionVisible } from "./org-scope";

const input = z.object({
  // Exception ids are at most 100 characters (lib/policy/schema.ts).
  exceptionId: z.string().trim().min(1, { message: "exceptionId: required" }).max(100),
  expectedVersion: z.coerce.number().int().min(0).optional(),
  now: z.date().optional(),
});

/** The exception id a decision names, for the audit row of a refusal (before validation). */
export function exceptionTarget(raw: unknown): { type: string; id: string } {
  return {
    type: "policy-exception",
    id: String((raw as { exceptionId?: unknown } | null)?.exceptionId ?? ""),
  };
}

/**
 * What approving and revoking an exception both do after the verb has authorised
 * exception:approve (before the input is read, so a refused caller learns nothing about
 * it): check the actor may edit the policy, and find the exception in the active policy.
 * One outside the actor's organisations answers exactly like a missing one.
 */
export async function openExceptionDecision(who: Actor, raw: unknown) {
  await authorize(who, "policy:edit", { type: "policy", id: "active" });
  const { exceptionId, expectedVersion, now } = input.parse(raw);
  const current = await loadActivePolicy();
  const exception = current.policy.exceptions.find((e) => e.id === exceptionId);
  if (!exception) throw new AppError("not_found", `No exception "${exceptionId}" in the active policy.`);
  await assertExceptionVisible(who, exception);
  return { current, exception, expectedVersion: expectedVersion ?? current.version, now };
}
