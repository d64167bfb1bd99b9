import "server-only";
import { z } from "zod";
import { AppError } from "../../errors";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { loadActivePolicy } from "../internal/load-active-policy";
import { assertExceptionVisible } from "../internal/org-scope";
import { savePolicyVersion, type SavedPolicy } from "./save-policy-version";

const input = z.object({
  exceptionId: z.string().trim().min(1, { message: "exceptionId: required" }).max(100),
  expectedVersion: z.coerce.number().int().min(0).optional(),
  now: z.date().optional(),
});

/**
 * A security lead withdraws an exception (pending or approved) before it expires: a new
 * policy version without it, audited as "policy.updated" with the note "Exception … revoked".
 * The re-scoring that follows counts its findings as failing again, and the tasks it had
 * accepted reopen with the event "exception … revoked".
 */
export async function revokePolicyException(actor: Actor | null, raw: unknown): Promise<SavedPolicy> {
  // Authorise before validating: a caller without the permission learns nothing about the input.
  const target = String((raw as { exceptionId?: unknown } | null)?.exceptionId ?? "");
  const who = await authorize(actor, "exception:approve", { type: "policy-exception", id: target });
  await authorize(who, "policy:edit", { type: "policy", id: "active" });
  const { exceptionId, expectedVersion, now } = input.parse(raw);
  const current = await loadActivePolicy();
  const exception = current.policy.exceptions.find((e) => e.id === exceptionId);
  if (!exception) throw new AppError("not_found", `No exception "${exceptionId}" in the active policy.`);
  await assertExceptionVisible(who, exception);
  return savePolicyVersion(
    who,
    { ...current.policy, exceptions: current.policy.exceptions.filter((e) => e.id !== exceptionId) },
    { note: `Exception ${exceptionId} revoked`, expectedVersion: expectedVersion ?? current.version, now },
  );
}
