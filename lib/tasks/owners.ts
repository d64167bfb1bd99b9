// Who should fix a finding: the CODEOWNERS owners of the file the evidence points at,
// else the repository's admins. Pure: reads only the facts sync stored.
import { locateCodeowners } from "../analyzers/codeowners/locate";
import { ownersOf, parseCodeowners, type Codeowners } from "../analyzers/codeowners/parse-codeowners";
import type { RepoFacts } from "../facts/types";

export interface OwnerIndex {
  /** Owners for a path (CODEOWNERS), or the admins when no rule names anyone. */
  forFile(path: string | null): string[];
}

export function ownerIndex(facts: Pick<RepoFacts, "files" | "paths" | "settings">): OwnerIndex {
  const located = locateCodeowners(facts.paths ?? facts.files.map((f) => f.path));
  const file = located.used ? facts.files.find((f) => f.path === located.used) : undefined;
  const codeowners: Codeowners | null = file?.text != null ? parseCodeowners(file.path, file.text) : null;
  // Sync stores people, not teams, for collaborators: admins who are members stand in for
  // the repository's admin team. Sorted so the suggestion is stable between scorings.
  const admins = (facts.settings?.collaborators ?? [])
    .filter((c) => c.permission === "admin" && !c.outside)
    .map((c) => `@${c.login}`)
    .sort();
  return {
    forFile(path) {
      if (path && codeowners) {
        const owners = ownersOf(codeowners, path);
        if (owners.length > 0) return owners;
      }
      return admins;
    },
  };
}
