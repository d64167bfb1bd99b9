import "server-only";
import { z } from "zod";
import { safeParsePolicy } from "../../policy";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { PolicyInvalidError } from "../internal/policy-invalid-error";
import { savePolicyVersion, type SavedPolicy } from "./save-policy-version";
import { POLICY_MAX_CHARS } from "../../http/limits";

const input = z.object({
  /** The whole policy document: an object, or its JSON text as typed in the editor. */
  policy: z.union([z.string().max(POLICY_MAX_CHARS), z.record(z.string(), z.unknown())]),
  note: z.string().max(500).nullish(),
  /** The version the editor was opened on; a different active version is a conflict. */
  expectedVersion: z.coerce.number().int().min(0).optional(),
  now: z.date().optional(),
});

/**
 * Security leads only: validates, saves a new version (audited) and queues the re-scoring
 * of everything without re-syncing (the worker's policy-rescore job; see `rescoreId`).
 */
export async function updatePolicy(actor: Actor | null, raw: unknown): Promise<SavedPolicy> {
  const who = await authorize(actor, "policy:edit", { type: "policy", id: "active" });
  const { policy, note, expectedVersion, now } = input.parse(raw);
  let document: unknown = policy;
  if (typeof policy === "string") {
    try {
      document = JSON.parse(policy);
    } catch (error) {
      throw new PolicyInvalidError([`(policy): not valid JSON (${(error as Error).message})`]);
    }
  }
  const parsed = safeParsePolicy(document);
  if (!parsed.ok) throw new PolicyInvalidError(parsed.errors);
  return savePolicyVersion(who, parsed.policy, { note, expectedVersion, now });
}
