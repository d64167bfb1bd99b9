import "server-only";
import { z } from "zod";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { parsePolicy } from "../../policy/index";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { loadActivePolicy } from "../internal/load-active-policy";
import { describeChanges, diffPolicies } from "../internal/policy-changes";

const input = z.strictObject({ version: z.coerce.number().int().min(1) });

/**
 * A past version next to the active one: its document, and what changed from it to the
 * active version, field by field (the same wording as the history and the audit log).
 */
export async function comparePolicyVersion(actor: Actor | null, raw: unknown) {
  await authorize(actor, "dashboard:read");
  const { version } = input.parse(raw);
  const row = await getDb().policyVersion.findUnique({
    where: { version },
    select: { version: true, policy: true, createdAt: true, note: true },
  });
  if (!row) throw new AppError("not_found", `Policy version ${version} does not exist.`);
  const past = parsePolicy(row.policy);
  const active = await loadActivePolicy();
  return {
    version: row.version,
    createdAt: row.createdAt,
    note: row.note,
    activeVersion: active.version,
    policyJson: JSON.stringify(past, null, 2),
    /** From this version to the active one; empty when they are the same document. */
    changes: describeChanges(diffPolicies(past, active.policy)),
  };
}
