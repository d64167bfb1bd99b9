import type { RepoFacts } from "../../../facts/types";
import { makeCheckContext } from "../../../policy/context";
import { defaultPolicy } from "../../../policy/default";
import type { CheckDefinition, CheckOutcome, Evidence, Policy } from "../../types";

export const NOW = new Date("2025-06-01T00:00:00Z");

/** Runs a check the way the runner does: context from the policy for this repository. */
export function runCheck(check: CheckDefinition, facts: RepoFacts, options: { policy?: Policy; critical?: boolean; now?: Date } = {}): CheckOutcome {
  const policy = options.policy ?? (options.critical ? { ...defaultPolicy, criticalRepos: [`${facts.owner}/${facts.name}`] } : defaultPolicy);
  return check.run(facts, makeCheckContext(policy, `${facts.owner}/${facts.name}`, options.now ?? NOW));
}

/** The API evidence of every finding, as [field, value] pairs. */
export function findingFields(outcome: CheckOutcome): Array<[string, unknown]> {
  return outcome.findings.map((f) => {
    const e: Evidence = f.evidence;
    return e.kind === "api" ? [e.field, e.value] : [e.file, e.line];
  });
}
