import { z } from "zod";
import type { ImageRequest } from "./collect-registry-facts";
import type { PackageVersion } from "./latest-tag";

// GitHub Packages API answers (GET /orgs/{org}/packages?package_type=container and
// …/packages/container/{name}/versions) → the images to inspect on ghcr.io. A container
// package `api` of org `acme` is the image ghcr.io/acme/api; names are lower-cased as GHCR does.

const packageSchema = z.looseObject({
  name: z.string().min(1),
  package_type: z.string(),
  repository: z.looseObject({ full_name: z.string() }).nullable().optional(),
});

const versionSchema = z.looseObject({
  name: z.string(),
  created_at: z.string(),
  metadata: z.looseObject({ container: z.looseObject({ tags: z.array(z.string()) }).optional() }).optional(),
});

/** Container packages of `repoFullName` (owner/repo) from the org packages list; other entries ignored. */
export function containerPackagesOf(packages: readonly unknown[], repoFullName: string): string[] {
  return packages.flatMap((p) => {
    const parsed = packageSchema.safeParse(p);
    if (!parsed.success || parsed.data.package_type !== "container") return [];
    return parsed.data.repository?.full_name.toLowerCase() === repoFullName.toLowerCase()
      ? [parsed.data.name]
      : [];
  });
}

export function packageVersionsOf(versions: readonly unknown[]): PackageVersion[] {
  return versions.flatMap((v) => {
    const parsed = versionSchema.safeParse(v);
    if (!parsed.success || !/^sha256:[0-9a-f]{64}$/.test(parsed.data.name)) return [];
    return [
      {
        digest: parsed.data.name,
        tags: parsed.data.metadata?.container?.tags ?? [],
        createdAt: parsed.data.created_at,
      },
    ];
  });
}

/** ImageRequest for a GHCR container package; `versions` null when the versions list was not readable. */
export function ghcrImage(
  owner: string,
  packageName: string,
  versions: readonly unknown[] | null,
  host = "ghcr.io",
): ImageRequest {
  const name = `${host}/${owner.toLowerCase()}/${packageName.toLowerCase()}`;
  return versions ? { name, versions: packageVersionsOf(versions) } : { name };
}
