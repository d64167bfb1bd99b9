import semver from "semver";
import { isArtifactTag, isDigest } from "./media-types";

// Which published artifact the integrity checks judge: the image a user gets by default.
// `latest` when it exists; else the highest semver tag (stable before pre-release); else the
// most recently created tagged version the GitHub Packages API lists; else, when only one
// tag exists, that one. Anything else is ambiguous and stays unknown.

/** One version from GitHub's package-versions API (`name` is the manifest digest). */
export interface PackageVersion {
  digest: string;
  tags: string[];
  /** ISO-8601. */
  createdAt: string;
}

export type LatestRule = "latest-tag" | "semver" | "package-versions" | "only-tag";

export type LatestChoice =
  { ok: true; tag: string | null; digest: string | null; rule: LatestRule } | { ok: false; reason: string };

/** Tags a user published, without cosign/referrers artifact tags (`sha256-<hex>[.sig|.att|.sbom]`). */
export function publishedTags(tags: readonly string[]): string[] {
  return [...new Set(tags.filter((t) => !isArtifactTag(t)))].sort();
}

function semverOf(tag: string): semver.SemVer | null {
  return semver.parse(tag.startsWith("v") ? tag.slice(1) : tag);
}

export function highestSemverTag(tags: readonly string[]): string | null {
  const parsed = tags.flatMap((tag) => {
    const v = semverOf(tag);
    return v ? [{ tag, v }] : [];
  });
  const stable = parsed.filter((p) => p.v.prerelease.length === 0);
  const pool = stable.length > 0 ? stable : parsed;
  pool.sort((a, b) => semver.rcompare(a.v, b.v) || a.tag.localeCompare(b.tag));
  return pool[0]?.tag ?? null;
}

function digestForTag(tag: string, versions: readonly PackageVersion[] | undefined): string | null {
  const hit = versions?.find((v) => v.tags.includes(tag) && isDigest(v.digest));
  return hit?.digest ?? null;
}

function newestTaggedVersion(versions: readonly PackageVersion[]): PackageVersion | null {
  const tagged = versions.filter(
    (v) => isDigest(v.digest) && publishedTags(v.tags).length > 0 && !Number.isNaN(Date.parse(v.createdAt)),
  );
  tagged.sort(
    (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || a.digest.localeCompare(b.digest),
  );
  return tagged[0] ?? null;
}

/**
 * `tags`: the registry's tag list, or null when it could not be read (then the versions'
 * tags stand in). `versions`: GitHub's package versions, when known.
 */
export function pickLatest(
  tags: readonly string[] | null,
  versions?: readonly PackageVersion[],
): LatestChoice {
  const candidates = publishedTags(tags ?? (versions ?? []).flatMap((v) => v.tags));
  if (candidates.includes("latest"))
    return { ok: true, tag: "latest", digest: digestForTag("latest", versions), rule: "latest-tag" };
  const highest = highestSemverTag(candidates);
  if (highest) return { ok: true, tag: highest, digest: digestForTag(highest, versions), rule: "semver" };
  const newest = versions ? newestTaggedVersion(versions) : null;
  if (newest)
    return {
      ok: true,
      tag: publishedTags(newest.tags)[0] ?? null,
      digest: newest.digest,
      rule: "package-versions",
    };
  if (candidates.length === 1)
    return {
      ok: true,
      tag: candidates[0]!,
      digest: digestForTag(candidates[0]!, versions),
      rule: "only-tag",
    };
  if (candidates.length === 0) return { ok: false, reason: "no published tags" };
  return {
    ok: false,
    reason: `cannot tell which of ${candidates.length} tags is the latest (no "latest", no semver tag, no package versions)`,
  };
}
