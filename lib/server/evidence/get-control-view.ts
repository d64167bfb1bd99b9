import "server-only";
import { z } from "zod";
import { repoStatusFor, summariseFramework } from "../../evidence/control-view";
import { FRAMEWORK_IDS, getFramework } from "../../evidence/frameworks";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { loadEvidenceInputFromLatestScores } from "../internal/load-evidence-input";
import { GATEHOUSE_VERSION, instanceName } from "../internal/instance-info";
import { packOrganizationsFor } from "../internal/org-scope-records";

const input = z.object({
  framework: z.enum(FRAMEWORK_IDS).default("soc2"),
  control: z.string().max(40).optional(),
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  pattern: z.string().max(200).optional(),
  criticalOnly: z.boolean().default(false),
});

/**
 * The auditor's view of one framework as of a date: each control's pass / fail / unknown /
 * exception counts, and for a chosen control every repository's status with the checks
 * that decided it and any exception (justification, approver, expiry).
 */
export async function getControlView(actor: Actor | null, raw: unknown, now: Date = new Date()) {
  const who = await authorize(actor, "evidence:export");
  const q = input.parse(raw);
  const asOf = q.asOf ? new Date(`${q.asOf}T23:59:59.999Z`) : now;
  const data = await loadEvidenceInputFromLatestScores({
    framework: q.framework,
    asOf: asOf < now ? asOf : now,
    scope: q.pattern ? { kind: "pattern", pattern: q.pattern } : { kind: "all" },
    organizationIds: packOrganizationsFor(who),
    now,
    instance: { name: instanceName(), version: GATEHOUSE_VERSION },
    withoutAuditExtract: true,
  });
  const repos = q.criticalOnly ? data.repos.filter((r) => r.critical) : data.repos;
  const framework = getFramework(q.framework);
  const control = framework.controls.find((c) => c.id === q.control);
  return {
    framework: {
      id: framework.id,
      name: framework.name,
      version: framework.version,
      source: framework.source,
    },
    asOf: data.asOf,
    repoCount: repos.length,
    excluded: data.excluded,
    summaries: summariseFramework(framework, repos),
    control: control
      ? {
          ...control,
          recommendations: control.recommendations ?? [],
          repos: repos.map((r) => repoStatusFor(control, r)).sort((a, b) => a.repo.localeCompare(b.repo)),
        }
      : null,
  };
}
