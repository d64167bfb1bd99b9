import type { ActionsSettingsFacts } from "../../facts/types";
import type { CheckDefinition, Evidence, Finding } from "../types";
import { defineCheck } from "../define";

function judge(
  scope: "repository" | "organization",
  a: ActionsSettingsFacts | null | undefined,
  field: string,
): { finding?: Finding; evidence?: Evidence; unknown?: string } {
  if (!a || a.allowedActions === null)
    return { unknown: `The ${scope}'s allowed-actions policy is not known.` };
  const evidence: Evidence = { kind: "api", field, value: a.allowedActions };
  if (!a.enabled) return { evidence };
  const api =
    scope === "repository"
      ? "PUT /repos/{owner}/{repo}/actions/permissions"
      : "PUT /orgs/{org}/actions/permissions";
  const fix = `Set allowed actions to "selected" (${api} with {"enabled": true, "allowed_actions": "selected"}, then list GitHub-owned actions and the SHA-pinned third-party actions you use via …/actions/permissions/selected-actions).`;
  if (a.allowedActions === "all")
    return {
      finding: {
        message: `The ${scope} allows all actions and reusable workflows.`,
        evidence,
        remediation: fix,
        confidence: "high",
      },
    };
  const patterns = a.selected?.patternsAllowed ?? [];
  if (
    a.allowedActions === "selected" &&
    patterns.some((p) => p.trim() === "*" || p.trim() === "*/*" || p.trim() === "*/*@*")
  ) {
    return {
      finding: {
        message: `The ${scope}'s "selected actions" list contains a pattern that allows every action (${patterns.join(", ")}).`,
        evidence: {
          kind: "api",
          field: `${field.replace(/allowedActions$/, "selected.patternsAllowed")}`,
          value: patterns,
        },
        remediation: fix,
        confidence: "high",
      },
    };
  }
  return { evidence };
}

export const actionsAllowAll: CheckDefinition = defineCheck({
  id: "actions-allow-all",
  title: "Only selected actions may run",
  category: "supply-chain",
  severity: "medium",
  from: ["settings"],
  rationale:
    "With every action allowed, any contributor's workflow change can pull in arbitrary third-party code that runs with repository tokens; an allow-list makes new dependencies a reviewed decision.",
  remediation:
    "Set the organisation's and repository's Actions policy to \"Allow select actions and reusable workflows\" with an explicit list.",
  input: "repository",
  run(facts) {
    const repo =
      facts.settings === null
        ? { unknown: "Repository settings were not synced." }
        : judge("repository", facts.settings.actions, "settings.actions.allowedActions");
    const org =
      facts.org === null
        ? { unknown: "Organisation settings were not synced (or the owner is a user)." }
        : judge("organization", facts.org.actions, "org.actions.allowedActions");
    const findings = [repo.finding, org.finding].filter((f): f is Finding => f !== undefined);
    const evidence = [repo.evidence, org.evidence].filter((e): e is Evidence => e !== undefined);
    // A user-owned repository has no organisation: the repository policy alone decides.
    const unknown = [repo.unknown, facts.org === null && repo.evidence ? undefined : org.unknown].filter(
      (u): u is string => u !== undefined,
    );
    return { findings, evidence, unknown };
  },
});
