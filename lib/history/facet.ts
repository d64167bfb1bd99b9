// The filterable attributes of one repository, derived from the facts it was scored on.
// Pure: the repository table filters on these columns instead of reading facts JSON.
import type { CheckContext } from "../checks/types";
import type { RepoFacts } from "../facts/types";
import { locateCodeowners } from "../analyzers/codeowners/locate";
import { parseCodeowners } from "../analyzers/codeowners/parse-codeowners";
import { worstSeverity, type FailingInstance } from "./instances";

export interface RepoFacetData {
  empty: boolean;
  critical: boolean;
  hasProductionEnvironment: boolean;
  owners: string[];
  failingChecks: string[];
  worstSeverity: string | null;
}

function codeownersOwners(facts: RepoFacts): string[] {
  // The file GitHub uses (first of .github/, root, docs/), as the codeowners checks read it.
  const used = locateCodeowners(facts.files.filter((f) => f.text !== null).map((f) => f.path)).used;
  const file = facts.files.find((f) => f.path === used);
  if (!file || file.text === null) return [];
  const owners = new Set<string>();
  for (const rule of parseCodeowners(file.path, file.text).rules)
    for (const owner of rule.owners) owners.add(owner.toLowerCase());
  return [...owners].sort();
}

export function repoFacet(facts: RepoFacts, ctx: CheckContext, instances: FailingInstance[]): RepoFacetData {
  const repoLevel = instances.filter((i) => !i.orgLevel);
  return {
    // GitHub reports no default branch for a repository without commits.
    empty: facts.defaultBranch === null,
    critical: ctx.critical,
    hasProductionEnvironment: (facts.settings?.environments ?? []).some((e) =>
      ctx.isProductionEnvironment(e.name),
    ),
    owners: codeownersOwners(facts),
    failingChecks: [...new Set(repoLevel.map((i) => i.checkId))].sort(),
    worstSeverity: worstSeverity(repoLevel),
  };
}
