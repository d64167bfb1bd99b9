import "server-only";
import type { Policy } from "../../checks/types";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { getPolicyLimits } from "../../env";
import { Prisma } from "../../generated/prisma/client";
import { exceptionLimitErrors } from "../../policy";
import { PolicyInvalidError } from "../internal/policy-invalid-error";
import { appendAuditEntry } from "../internal/append-audit-entry";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { loadActivePolicy } from "../internal/load-active-policy";
import { enqueuePolicyRescore } from "../internal/policy-rescore";
import { policyColumn } from "../internal/json-columns";
import {
  describeChanges,
  diffPolicies,
  isUnchanged,
  stampApprovers,
  type PolicyChanges,
} from "../internal/policy-changes";

export interface SavedPolicy {
  changed: boolean;
  version: number;
  changes: PolicyChanges;
  /**
   * The re-scoring queued for the new version (a PolicyRescore id; null when nothing
   * changed). Scores move when the worker's job has run; the pages show its progress.
   */
  rescoreId: string | null;
}

/**
 * Internal: the one path that writes a policy version (callers have authorised
 * policy:edit and validated `draft`). Every change is re-scored by the worker's
 * policy-rescore job, never inside the request (tens of seconds at 10,000 repositories):
 * the policy form, exception requests, approvals and revocations alike. Exceptions that
 * are new or edited are requested by `who` (exception:approve) and stay pending until a
 * second lead approves them. The version number is the primary key, so two leads saving
 * at once cannot both become version N+1: the second gets a conflict.
 */
export async function savePolicyVersion(
  who: Actor,
  draft: Policy,
  opts: {
    note?: string | null;
    expectedVersion?: number;
    now?: Date;
    /** Pending exception ids approved now, and by whom (approvePolicyException checked the four eyes). */
    approvals?: ReadonlyMap<string, string>;
  },
): Promise<SavedPolicy> {
  const current = await loadActivePolicy();
  if (opts.expectedVersion !== undefined && opts.expectedVersion !== current.version) {
    throw new AppError(
      "conflict",
      `The policy changed meanwhile (now version ${current.version}); reload and apply your change again.`,
    );
  }
  const { policy, approved } = stampApprovers(current.policy, draft, who.login ?? who.userId, opts.approvals);
  if (approved.length > 0)
    await authorize(who, "exception:approve", { type: "policy-exception", id: approved.join(",") });
  // Limits apply to what is being approved now; unchanged exceptions keep their terms.
  const limitErrors = exceptionLimitErrors(policy.exceptions, approved, {
    now: opts.now ?? new Date(),
    maxLifetimeDays: getPolicyLimits().maxExceptionDays,
  });
  if (limitErrors.length > 0) throw new PolicyInvalidError(limitErrors);
  const confirmsAll = policy.exceptions.some((e) => approved.includes(e.id) && e.confirmedAllRepositories);
  if (confirmsAll && who.role !== "security_lead")
    throw new AppError("forbidden", "Only a security lead may confirm an exception for every repository.");
  const changes = diffPolicies(current.policy, policy);
  if (isUnchanged(changes)) return { changed: false, version: current.version, changes, rescoreId: null };

  const version = current.version + 1;
  const note = opts.note?.trim() || null;
  let rescoreId = "";
  try {
    await getDb().$transaction(async (tx) => {
      await tx.policyVersion.create({
        data: {
          version,
          policy: policyColumn.write(policy),
          changes: changes as Prisma.InputJsonValue,
          note,
          createdById: who.userId,
        },
      });
      await appendAuditEntry(
        who,
        {
          action: "policy.updated",
          targetType: "policy",
          targetId: String(version),
          details: {
            version,
            previousVersion: current.version,
            note,
            requestedExceptions: approved,
            approvedExceptions: [...(opts.approvals?.keys() ?? [])],
            changes: describeChanges(changes),
          },
        },
        tx,
      );
      rescoreId = (
        await tx.policyRescore.create({
          data: { policyVersion: version, requestedById: who.userId },
          select: { id: true },
        })
      ).id;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError(
        "conflict",
        "Another policy version was saved at the same moment; reload and apply your change again.",
      );
    }
    throw error;
  }
  await enqueuePolicyRescore(rescoreId);
  return { changed: true, version, changes, rescoreId };
}
