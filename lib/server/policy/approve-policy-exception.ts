import "server-only";
import { z } from "zod";
import { AppError } from "../../errors";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { loadActivePolicy } from "../internal/load-active-policy";
import { assertExceptionVisible } from "../internal/org-scope";
import { savePolicyVersion, type SavedPolicy } from "./save-policy-version";

const input = z.object({
  exceptionId: z.string().trim().min(1, { message: "exceptionId: required" }),
  expectedVersion: z.coerce.number().int().min(0).optional(),
  now: z.date().optional(),
});

/**
 * A second security lead approves a pending exception: a new policy version in which it
 * waives its check (and the repositories are re-scored). The requester cannot approve
 * their own request (four eyes); an engineer is refused by exception:approve.
 */
export async function approvePolicyException(actor: Actor | null, raw: unknown): Promise<SavedPolicy> {
  // Authorise before validating: a caller without the permission learns nothing about the input.
  const target = String((raw as { exceptionId?: unknown } | null)?.exceptionId ?? "");
  const who = await authorize(actor, "exception:approve", { type: "policy-exception", id: target });
  await authorize(who, "policy:edit", { type: "policy", id: "active" });
  const { exceptionId, expectedVersion, now } = input.parse(raw);
  const current = await loadActivePolicy();
  const exception = current.policy.exceptions.find((e) => e.id === exceptionId);
  if (!exception) throw new AppError("not_found", `No exception "${exceptionId}" in the active policy.`);
  await assertExceptionVisible(who, exception);
  if (exception.approver)
    throw new AppError("conflict", `Exception ${exceptionId} is already approved by ${exception.approver}.`);
  const me = who.login ?? who.userId;
  if (exception.requestedBy === me)
    throw new AppError(
      "forbidden",
      `You requested exception ${exceptionId}; another security lead must approve it.`,
    );
  return savePolicyVersion(who, current.policy, {
    note: `Exception ${exceptionId} approved`,
    expectedVersion: expectedVersion ?? current.version,
    now,
    approvals: new Map([[exceptionId, me]]),
  });
}
