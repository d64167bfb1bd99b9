import "server-only";
import { z } from "zod";
import { checkById } from "../../checks/catalogue";
import { AppError } from "../../errors";
import { safeParsePolicy } from "../../policy";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { loadActivePolicy } from "../internal/load-active-policy";
import { assertRepoPatternVisible } from "../internal/org-scope";
import { PolicyInvalidError } from "../internal/policy-invalid-error";
import { savePolicyVersion, type SavedPolicy } from "./save-policy-version";

// A date from <input type="date"> means "until the start of that day, UTC".
const expiry = z
  .string()
  .trim()
  .transform((s) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : s));

const input = z.object({
  checkId: z.string().trim().min(1),
  repo: z.string().trim().min(1),
  justification: z.string(),
  expiresAt: expiry,
  /** One finding instance (lib/checks/fingerprint.ts); absent: the whole check. */
  fingerprint: z
    .string()
    .trim()
    .regex(/^[0-9a-f]{16}$/, { message: "fingerprint: must be 16 lowercase hex characters" })
    .optional(),
  expectedVersion: z.coerce.number().int().min(0).optional(),
  now: z.date().optional(),
});

/**
 * Requests acceptance of one check's risk for matching repositories (or of one finding,
 * by its fingerprint, in one repository) until a date, as a
 * new policy version holding a pending exception (requested by the acting lead). It
 * changes no score until another security lead approves it (approvePolicyException).
 * An engineer is refused (and the refusal audited): only security leads hold exception:approve.
 */
export async function addPolicyException(
  actor: Actor | null,
  raw: unknown,
): Promise<SavedPolicy & { exceptionId: string }> {
  const who = await authorize(actor, "exception:approve", { type: "policy-exception", id: "new" });
  await authorize(who, "policy:edit", { type: "policy", id: "active" });
  const {
    checkId,
    repo,
    justification,
    expiresAt,
    fingerprint,
    expectedVersion,
    now = new Date(),
  } = input.parse(raw);
  await assertRepoPatternVisible(who, repo, "repo");
  if (!checkById(checkId))
    throw new PolicyInvalidError([`exceptions.checkId: no check "${checkId}" in the catalogue`]);
  const at = Date.parse(expiresAt);
  if (Number.isFinite(at) && at <= now.getTime())
    throw new PolicyInvalidError(["exceptions.expiresAt: must be in the future"]);

  const current = await loadActivePolicy();
  const ids = new Set(current.policy.exceptions.map((e) => e.id));
  let n = 1;
  while (ids.has(`EX-${current.version + 1}-${n}`)) n += 1;
  const exceptionId = `EX-${current.version + 1}-${n}`;
  const draft = {
    ...current.policy,
    exceptions: [
      ...current.policy.exceptions,
      { id: exceptionId, checkId, repo, justification, expiresAt, ...(fingerprint ? { fingerprint } : {}) },
    ],
  };
  const parsed = safeParsePolicy(draft);
  if (!parsed.ok) throw new PolicyInvalidError(parsed.errors);
  const saved = await savePolicyVersion(who, parsed.policy, {
    note: `Exception ${exceptionId} requested: ${checkId} on ${repo}${fingerprint ? ` (finding ${fingerprint} only)` : ""}`,
    expectedVersion: expectedVersion ?? current.version,
    now,
  });
  if (!saved.changed) throw new AppError("conflict", "The exception was not saved.");
  return { ...saved, exceptionId };
}
