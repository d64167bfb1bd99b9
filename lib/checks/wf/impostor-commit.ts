import type { CheckDefinition, Finding } from "../types";
import { finding, at, api } from "../evidence";
import { usesRefs } from "../support/uses-refs";
import { NOT_RESOLVED, actionRepoOf } from "../support/action-repos";
import { defineCheck } from "../define";

// zizmor's impostor-commit (after chainguard-dev/clank): a commit pushed to any fork is
// served by GitHub under the parent's name too, so `owner/repo@<sha>` can run code the
// owner never merged. Reachability from the action's own branches and tags is the test.

export const impostorCommit: CheckDefinition = defineCheck({
  id: "impostor-commit",
  title: "SHA pins name commits of the action's own repository",
  category: "supply-chain",
  severity: "critical",
  from: ["wf", "api"],
  rationale:
    "GitHub serves a commit pushed to any fork under the parent repository's name: a SHA pin that no branch or tag of the action's repository reaches may be code its owners never saw.",
  remediation:
    "Replace the SHA with the commit a release tag of the action points to (`git ls-remote https://github.com/<owner>/<repo> refs/tags/<tag>`).",
  input: "workflows",
  run(workflows, facts) {
    const pinned = usesRefs(workflows).filter((u) => u.isSha);
    if (pinned.length === 0)
      return { findings: [], notApplicable: "No workflow pins an action of another repository by SHA." };
    if (!facts.actionRepos) return { findings: [], unknown: NOT_RESOLVED };
    const findings: Finding[] = [];
    const undecided = new Set<string>();
    for (const u of pinned) {
      const reachable = actionRepoOf(facts, u)?.commits[u.ref.toLowerCase()];
      if (reachable === false)
        findings.push(
          finding(
            `\`${u.name}@${u.ref}\` is not reachable from any branch or tag of ${u.ownerRepo}: it may come from a fork.`,
            at(u.wf, u.value.pos),
            `Pin ${u.ownerRepo} to a commit one of its release tags points to; check who pushed ${u.ref.slice(0, 12)} and what it ran.`,
            "high",
          ),
        );
      else if (reachable !== true) undecided.add(`${u.ownerRepo}@${u.ref.slice(0, 12)}`);
    }
    const unknown = undecided.size
      ? `Could not tell whether these commits belong to their repositories: ${[...undecided].join(", ")}.`
      : undefined;
    return {
      findings,
      ...(unknown ? { unknown } : {}),
      evidence: pinned.map((u) => api(`repos/${u.ownerRepo}/compare/…...${u.ref}`, "reachable")),
    };
  },
});
