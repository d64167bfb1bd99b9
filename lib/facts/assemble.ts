import type {
  ActionAdvisory,
  AlertFacts,
  OrgSettingsFacts,
  RegistryFacts,
  RepoFacts,
  SecretFacts,
} from "./types";

export interface OrgSecret {
  name: string;
  updatedAt: string | null;
  visibility: "all" | "private" | "selected";
  /** Repository names, for visibility "selected" (null: the list could not be read). */
  selectedRepos: string[] | null;
}

/** Organisation secrets a repository can read, following GitHub's visibility rules. */
export function orgSecretsForRepo(
  secrets: OrgSecret[],
  repo: { name: string; visibility: string | null },
): SecretFacts[] {
  return secrets
    .filter((s) => {
      if (s.visibility === "all") return true;
      if (s.visibility === "private") return repo.visibility === "private" || repo.visibility === "internal";
      // An unreadable selection is counted as visible: over-reporting a secret is safer.
      return s.selectedRepos === null || s.selectedRepos.includes(repo.name);
    })
    .map((s) => ({ name: s.name, scope: "organization" as const, updatedAt: s.updatedAt }));
}

/** Org-wide facts, stored once per organisation per sync. */
export interface OrgPart {
  settings: OrgSettingsFacts;
  secrets: OrgSecret[] | null;
  /** Alerts keyed by repository name; null when the alert APIs were not readable. */
  alerts: {
    secretScanning: Record<string, AlertFacts["secretScanning"]> | null;
    dependabot: Record<string, AlertFacts["dependabot"]> | null;
  };
  actionAdvisories: ActionAdvisory[] | null;
  actionRefShas?: Record<string, string>;
  /** Registry facts by repository name (absent name: publishes no image); absent/null: not collected. */
  registry?: Record<string, RegistryFacts> | null;
}

// Repository names like "constructor" are legal: never read inherited properties.
function own<T>(record: Record<string, T[] | null>, key: string): T[] {
  return Object.hasOwn(record, key) ? (record[key] ?? []) : [];
}

/** The RepoFacts checks consume: a repository's own facts plus its share of the org's. */
export function assembleRepoFacts(repo: RepoFacts, org: OrgPart | null): RepoFacts {
  if (!org) return repo;
  const settings = repo.settings && {
    ...repo.settings,
    secrets:
      repo.settings.secrets && org.secrets
        ? [...repo.settings.secrets, ...orgSecretsForRepo(org.secrets, repo)]
        : repo.settings.secrets,
  };
  const { secretScanning, dependabot } = org.alerts;
  return {
    ...repo,
    settings,
    org: org.settings,
    alerts: {
      secretScanning: secretScanning ? own(secretScanning, repo.name) : null,
      dependabot: dependabot ? own(dependabot, repo.name) : null,
    },
    registry: org.registry
      ? Object.hasOwn(org.registry, repo.name)
        ? (org.registry[repo.name] ?? null)
        : { images: [] }
      : repo.registry,
    actionAdvisories: org.actionAdvisories,
    ...(org.actionRefShas ? { actionRefShas: org.actionRefShas } : {}),
  };
}
