import semver from "semver";
import type { ActionAdvisory } from "../../facts/types";
import type { CheckDefinition, Confidence, Finding } from "../types";
import { finding, at } from "../evidence";
import { rewriteUses, usesRefs, type UsesRef } from "../support/uses-refs";
import { defineCheck } from "../define";

/** GitHub writes ranges as ">= 1.0.0, < 2.0.1"; semver wants spaces. */
export function toSemverRange(range: string): string {
  return range.replace(/,\s*/g, " ").trim();
}

function versionOf(u: UsesRef): { version: string; exact: boolean } | undefined {
  const candidate = u.isSha ? (u.comment?.match(/v?\d+(\.\d+){0,2}\S*/)?.[0] ?? "") : u.ref;
  const exact = semver.valid(semver.clean(candidate) ?? "") !== null;
  const coerced = semver.coerce(candidate);
  return coerced ? { version: coerced.version, exact } : undefined;
}

function matches(adv: ActionAdvisory, u: UsesRef): { confidence: Confidence; why: string } | undefined {
  const a = adv.action.toLowerCase();
  const n = u.name.toLowerCase();
  if (n !== a && !n.startsWith(`${a}/`) && u.ownerRepo.toLowerCase() !== a) return undefined;
  if (u.isSha && adv.affectedShas?.some((s) => s.toLowerCase() === u.ref.toLowerCase()))
    return { confidence: "high", why: `commit ${u.ref.slice(0, 12)} is listed as affected` };
  const v = versionOf(u);
  if (!v) return undefined;
  let inRange = false;
  try {
    inRange = semver.satisfies(v.version, toSemverRange(adv.vulnerableRange));
  } catch {
    return undefined;
  }
  if (!inRange) return undefined;
  // `@v35` floats to the newest 35.x: it may already include the fix.
  return {
    confidence: v.exact ? "high" : "medium",
    why: `version ${u.isSha ? `${u.comment} (from the pin's comment)` : u.ref} is in ${adv.vulnerableRange}`,
  };
}

export const knownVulnerableAction: CheckDefinition = defineCheck({
  id: "known-vulnerable-action",
  title: "No action version with a known advisory",
  category: "supply-chain",
  severity: "high",
  from: ["wf", "alerts"],
  rationale:
    "Actions run with the job's token and secrets; a version named in a GitHub security advisory is a known way in.",
  remediation: "Upgrade each flagged action to the advisory's patched version (pinned by SHA).",
  input: "workflows",
  run(workflows, facts) {
    const refs = usesRefs(workflows);
    if (refs.length === 0)
      return { findings: [], notApplicable: "No workflow uses an action from another repository." };
    if (facts.actionAdvisories === null)
      return { findings: [], unknown: "Action advisories were not loaded, so versions cannot be compared." };
    const findings: Finding[] = [];
    for (const u of refs) {
      for (const adv of facts.actionAdvisories) {
        const m = matches(adv, u);
        if (!m) continue;
        const fix = adv.patchedVersion
          ? `Upgrade to ${adv.patchedVersion} or later, pinned by SHA: \`${rewriteUses(u, "<sha of " + adv.patchedVersion + ">", adv.patchedVersion).trim()}\`.`
          : `No patched version is listed: remove ${adv.action} or replace it (see ${adv.ghsaId}).`;
        findings.push(
          finding(
            `${u.name}@${u.ref}: ${adv.ghsaId} (${adv.severity}) — ${adv.summary}; ${m.why}.`,
            at(u.wf, u.value.pos),
            fix,
            m.confidence,
          ),
        );
      }
    }
    return { findings };
  },
});
