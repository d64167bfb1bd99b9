// Shared names of the settings checks. Archived repositories are read-only (nobody can
// push, merge, run workflows or deploy), so checks about branch rules, the workflow token,
// deploy keys, Actions secrets and environments read `live-settings` and are
// not-applicable there; checks whose risk survives archiving (open secret alerts, outside
// admins, org settings) read `settings` and still run.
import type { RepoFacts } from "../../facts/types";

/** REST path prefix for this repository, as used in remediation text. */
export const repoPath = (facts: RepoFacts): string => `/repos/${facts.owner}/${facts.name}`;

/** The default branch; an empty repository has none yet, and says so rather than leaving a placeholder. */
export const branchName = (facts: RepoFacts): string => facts.defaultBranch ?? "(no default branch yet)";

export const NO_SETTINGS =
  "Repository settings were not synced (scan of a checkout, or the token cannot read them).";

export const NO_ORG =
  "Organisation settings are not known (not synced, user-owned repository, or the token lacks org read rights).";
