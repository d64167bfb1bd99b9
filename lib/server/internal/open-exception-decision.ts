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

/**
 * What approving and revoking an exception both start with: a security lead who may edit
 * the policy (authorised before the input is read, so a refused caller learns nothing
 * about it), and the exception in the active policy. One outside the actor's
 * organisations answers exactly like a missing one.
 */
export async function openExceptionDecision(actor: Actor | null, raw: unknown) {
  const target = String((raw as { exceptionId?: unknown } | null)?.exceptionId ?? "");
  const who = await authorize(actor, "exception:approve", { type: "policy-exception", id: target });
  await authorize(who, "policy:edit", { type: "policy", id: "active" });
  const { exceptionId, expectedVersion, now } = input.parse(raw);
  const current = await loadActivePolicy();
  const exception = current.policy.exceptions.find((e) => e.id === exceptionId);
  if (!exception) throw new AppError("not_found", `No exception "${exceptionId}" in the active policy.`);
  await assertExceptionVisible(who, exception);
  return { who, current, exception, expectedVersion: expectedVersion ?? current.version, now };
}
