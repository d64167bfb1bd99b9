import type {
  ActionAdvisory,
  AlertFacts,
  OrgSettingsFacts,
  RegistryFacts,
  RepoFacts,
} from "@/lib/facts/types";
import { orgSecretsForRepo, type OrgSecret } from "./org";

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
