import "server-only";
import { z } from "zod";
import { AppError } from "../../errors";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import {
  findRepository,
  repoInput,
  ThreatModelConflictError,
  writeRevision,
} from "../internal/threat-model-store";
import { addPolicyException } from "../policy/add-policy-exception";
import { getThreatModel } from "./get-threat-model";

const input = repoInput.extend({
  threatId: z.string().min(1).max(200),
  justification: z.string().trim().min(1, "justification: say why the risk is accepted").max(2000),
  /** A date (YYYY-MM-DD) or timestamp: when the exceptions lapse. */
  expiresAt: z.string().trim().min(1),
  /** The revision the page showed; a newer one is a conflict and nothing is written. */
  revision: z.coerce.number().int().min(0),
});

/**
 * Accepts a threat's risk through the same exception approval as tasks: one policy
 * exception per check control of the threat (addPolicyException authorises and audits
 * them), then the threat is saved as accepted, naming the exceptions, as a new revision.
 */
export async function acceptThreatRisk(
  actor: Actor | null,
  raw: unknown,
): Promise<{ revision: number; exceptionIds: string[] }> {
  const target = raw as { owner?: unknown; name?: unknown } | null;
  const who = await authorize(actor, "threatmodel:edit", {
    type: "repository",
    id: `${String(target?.owner ?? "")}/${String(target?.name ?? "")}`,
  });
  const { threatId, justification, expiresAt, revision, ...repo } = input.parse(raw);
  const repository = await findRepository(repo, who);
  const view = await getThreatModel(who, repo);
  if (!view.model) throw new AppError("not_found", "This repository has no threat model yet.");
  if (view.revision !== revision) throw new ThreatModelConflictError(view.revision, []);
  const threat = view.threats.find((t) => t.id === threatId);
  if (!threat) throw new AppError("not_found", `threatId: no threat ${threatId} in this model.`);
  const checks = [
    ...new Set(
      threat.links.flatMap((l) =>
        l.control.kind === "check" && l.status !== "not-applicable" ? [l.control.check] : [],
      ),
    ),
  ];
  if (checks.length === 0)
    throw new AppError(
      "invalid",
      "threatId: this threat has no check control; a risk is accepted as an exception to a check.",
    );
  const exceptionIds: string[] = [];
  for (const checkId of checks)
    exceptionIds.push(
      (
        await addPolicyException(who, {
          checkId,
          repo: repository.fullName,
          justification: `Threat “${threat.title}”: ${justification}`,
          expiresAt,
        })
      ).exceptionId,
    );
  const saved = await writeRevision(who, {
    repository,
    expectedRevision: revision,
    model: {
      ...view.model,
      threats: view.model.threats.map((t) => (t.id === threatId ? { ...t, status: "accepted" } : t)),
    },
    source: "saved",
    note: `risk of “${threat.title}” accepted: ${exceptionIds.join(", ")}`,
    details: { riskAccepted: threatId, exceptions: exceptionIds },
  });
  return { ...saved, exceptionIds };
}
