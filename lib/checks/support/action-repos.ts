// The action repositories behind `uses:` references, as sync or an online scan resolved
// them (RepoFacts.actionRepos). Shared by impostor-commit, pin-comment-mismatch and
// archived-action, which all need the GitHub API and are unknown without it.
import type { ActionRepoFacts, RepoFacts } from "../../facts/types";
import type { UsesRef } from "./uses-refs";

export const NOT_RESOLVED =
  "Action repositories were not looked up on GitHub (offline scan: give --github-token or set GITHUB_TOKEN).";

export function actionRepoOf(facts: RepoFacts, u: UsesRef): ActionRepoFacts | undefined {
  return facts.actionRepos?.[u.ownerRepo.toLowerCase()];
}

/** The version a pin comment names (`# v4.1.2`, `# tag=v4.1.2`, `# pin @v4.1.2`), or undefined. */
export function commentTag(comment: string | undefined): string | undefined {
  const m = comment?.match(/(?:^|[\s=@])(v?\d+(?:\.\d+){0,3}(?:[-+][0-9A-Za-z.-]+)?)(?=\s|$)/);
  return m?.[1];
}
