import type { CheckDefinition, Finding } from "../types";
import { finding, at, api } from "../evidence";
import { usesRefs } from "../support/uses-refs";
import { NOT_RESOLVED, actionRepoOf } from "../support/action-repos";
import { defineCheck } from "../define";

export const archivedAction: CheckDefinition = defineCheck({
  id: "archived-action",
  title: "Used actions are maintained (not archived)",
  category: "supply-chain",
  severity: "medium",
  from: ["wf", "api"],
  rationale:
    "An archived repository is read-only: its owners will publish no fix when a vulnerability in the action is found.",
  remediation:
    "Replace each archived action with a maintained one (or vendor it into the repository and own it).",
  input: "workflows",
  run(workflows, facts) {
    const refs = usesRefs(workflows);
    if (refs.length === 0)
      return { findings: [], notApplicable: "No workflow uses an action from another repository." };
    if (!facts.actionRepos) return { findings: [], unknown: NOT_RESOLVED };
    const findings: Finding[] = [];
    const unread = new Set<string>();
    for (const u of refs) {
      const archived = actionRepoOf(facts, u)?.archived;
      if (archived === true)
        findings.push(
          finding(
            `${u.ownerRepo} is archived: \`${u.name}\` gets no more security fixes.`,
            at(u.wf, u.value.pos),
            `Replace \`${u.name}\` with a maintained action that does the same job, or copy it into this repository (\`./.github/actions/…\`) and maintain it yourself.`,
          ),
        );
      else if (archived !== false) unread.add(u.ownerRepo);
    }
    return {
      findings,
      ...(unread.size
        ? { unknown: `Could not read these action repositories: ${[...unread].join(", ")}.` }
        : {}),
      evidence: [...new Set(refs.map((u) => u.ownerRepo))].map((r) =>
        api(
          `repos/${r}.archived`,
          actionRepoOf(
            facts,
            refs.find((u) => u.ownerRepo === r)!,
          )?.archived ?? null,
        ),
      ),
    };
  },
});
