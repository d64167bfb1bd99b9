import "server-only";
import { z } from "zod";
import { safeParsePolicy } from "../../policy";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { loadActivePolicy } from "../internal/load-active-policy";
import { PolicyInvalidError } from "../internal/policy-invalid-error";
import { savePolicyVersion, type SavedPolicy } from "./save-policy-version";

const list = z.array(z.string().max(400)).max(1000);
const input = z.strictObject({
  weights: z.strictObject({
    critical: z.number(),
    high: z.number(),
    medium: z.number(),
    low: z.number(),
  }),
  criticalRepos: list,
  productionEnvironmentPatterns: list,
  productionEnvironments: list,
  note: z.string().max(500).nullish(),
  /** The version the form was opened on: the form's fields replace only theirs in it. */
  expectedVersion: z.number().int().min(0),
});

/**
 * The policy form (security leads): weights, critical repositories and production
 * environments replace those fields of the active version; everything else (exceptions,
 * task SLAs) is kept from the server's copy, never from the browser's. A form opened on
 * an older version is refused as a conflict. Re-scoring is queued (the worker's job).
 */
export async function updatePolicySettings(actor: Actor | null, raw: unknown): Promise<SavedPolicy> {
  const who = await authorize(actor, "policy:edit", { type: "policy", id: "active" });
  const { note, expectedVersion, ...fields } = input.parse(raw);
  const active = await loadActivePolicy();
  const parsed = safeParsePolicy({ ...active.policy, ...fields });
  if (!parsed.ok) throw new PolicyInvalidError(parsed.errors);
  return savePolicyVersion(who, parsed.policy, { note, expectedVersion });
}
