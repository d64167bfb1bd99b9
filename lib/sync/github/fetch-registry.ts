import type { RegistryFacts } from "@/lib/facts/types";
import type { GitHubClient } from "@/lib/github/client";
import {
  collectRegistryFacts,
  ghcrImage,
  githubAttestationSource,
  type RegistryCredentials,
} from "@/lib/registry";
import { listOrNull } from "./rest-get";
import { mapLimit } from "@/lib/util/map-limit";

// Registry facts for the organisation's container packages, via lib/registry: the package
// list and versions from GitHub's Packages API (conditional, so 304s on an unchanged org),
// the digests' signatures/attestations from the OCI registry and GitHub's attestations API.
// Opt-in (SyncContext.registry): GHCR needs a token with read:packages.

export interface RegistryConfig {
  /** https://ghcr.io, or another OCI distribution registry serving the org's images. */
  url: string;
  /** Host as it appears in image names (ghcr.io). */
  host: string;
  auth?: RegistryCredentials;
  concurrency?: number;
  timeoutMs?: number;
}

interface PackageRow {
  name?: unknown;
  repository?: { name?: unknown } | null;
}

/** Repository name → RegistryFacts (repositories without packages are absent: no images). Null when packages are unreadable. */
export async function fetchRegistryFacts(
  client: GitHubClient,
  org: string,
  cfg: RegistryConfig,
): Promise<Record<string, RegistryFacts> | null> {
  const packages = await listOrNull(client.octokit, "GET /orgs/{org}/packages", {
    org,
    package_type: "container",
  });
  if (!packages) return null;
  const byRepo = new Map<string, string[]>();
  for (const p of packages as PackageRow[]) {
    const repo = p.repository?.name;
    if (typeof p.name !== "string" || typeof repo !== "string") continue;
    byRepo.set(repo, [...(byRepo.get(repo) ?? []), p.name]);
  }
  const out = Object.create(null) as Record<string, RegistryFacts>;
  await mapLimit([...byRepo], 4, async ([repo, names]) => {
    const images = await Promise.all(
      names.map(async (name) => {
        const versions = await listOrNull(
          client.octokit,
          "GET /orgs/{org}/packages/{package_type}/{package_name}/versions",
          { org, package_type: "container", package_name: name },
        );
        return ghcrImage(org, name, versions, cfg.host);
      }),
    );
    out[repo] = await collectRegistryFacts({
      registryUrl: cfg.url,
      images,
      auth: cfg.auth,
      attestations: githubAttestationSource(client.octokit, org, repo),
      concurrency: cfg.concurrency ?? 4,
      timeoutMs: cfg.timeoutMs,
    });
  });
  return out;
}
