import "server-only";
import { z } from "zod";
import { repoStatusFor, summariseFramework } from "../../evidence/control-view";
import { FRAMEWORK_IDS, getFramework } from "../../evidence/frameworks";
import type { Scope } from "../../evidence/input";
import { compileRepoPattern } from "../../policy/repo-pattern";
import { authorize } from "../authz/authorize";
import type { Actor } from "../authz/actor";
import { loadEvidenceInput } from "../internal/load-evidence-input";
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
  /** A CODEOWNERS team ("@acme/web" or "acme/web"): its repositories only. */
  team: z
    .string()
    .trim()
    .regex(/^@?[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/, "team: a team as org/team")
    .optional(),
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
  const criticalOnly = q.criticalOnly || undefined;
  const scope: Scope = q.team
    ? { kind: "team", team: q.team, criticalOnly }
    : q.pattern
      ? { kind: "pattern", pattern: q.pattern, criticalOnly }
      : { kind: "all", criticalOnly };
  const data = await loadEvidenceInput({
    framework: q.framework,
    asOf: asOf < now ? asOf : now,
    scope,
    organizationIds: packOrganizationsFor(who),
    now,
    instance: { name: instanceName(), version: GATEHOUSE_VERSION },
    withoutAuditExtract: true,
  });
  // A team and a pattern together: the team's repositories that match the pattern.
  const inPattern = q.team && q.pattern ? compileRepoPattern(q.pattern) : () => true;
  const repos = data.repos.filter((r) => inPattern(r.fullName));
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
