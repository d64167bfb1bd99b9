import type { ImageFacts } from "@/lib/facts/types";
import {
  buildxAttestationDescriptors,
  classifyGitHubPredicates,
  classifyManifest,
  classifyReferrerDescriptor,
  needsReferrerManifest,
  type Evidence,
  type FactKind,
} from "./classify";
import type { RegistryClient } from "./client";
import { isRegistryError } from "./errors";
import { buildImageFacts, type Lookup } from "./image-facts";
import { pickLatest, type PackageVersion } from "./latest-tag";
import { isIndex, type Manifest } from "./manifest";
import { cosignTag } from "./media-types";

// I/O for one image: list tags, pick and resolve the latest, then look for evidence in every
// place tools put it (cosign tags, OCI referrers or their tag schema, buildx attestation
// manifests, GitHub's attestations API), and hand the answers to the pure buildImageFacts.

export type AttestationAnswer =
  { status: "found"; predicateTypes: string[] } | { status: "none" } | { status: "unknown"; reason: string };

/** GitHub's attestations for a digest (GET /repos/{owner}/{repo}/attestations/{digest}). */
export type AttestationSource = (digest: string, image: string) => Promise<AttestationAnswer>;

const MAX_REFERRERS = 32;
const MAX_BUILDX_ATTESTATIONS = 16;

function describe(error: unknown): string {
  return isRegistryError(error)
    ? `${error.kind}: ${error.message}`
    : String((error as Error)?.message ?? error);
}

async function lookup(source: string, covers: FactKind[], run: () => Promise<Evidence[]>): Promise<Lookup> {
  try {
    return { source, covers, status: "done", found: await run() };
  } catch (error) {
    return { source, covers, status: "failed", found: [], reason: describe(error) };
  }
}

/** A tag that may or may not exist: absent is an answer (no evidence), anything else fails the lookup. */
async function optionalTag(client: RegistryClient, repo: string, tag: string): Promise<Evidence[]> {
  try {
    const { manifest } = await client.getManifest(repo, tag);
    return classifyManifest(manifest, `tag ${tag}`);
  } catch (error) {
    if (isRegistryError(error, "not_found")) return [];
    throw error;
  }
}

async function fromReferrers(client: RegistryClient, repo: string, digest: string): Promise<Evidence[]> {
  const { via, descriptors } = await client.referrers(repo, digest);
  const out: Evidence[] = [];
  for (const d of descriptors.slice(0, MAX_REFERRERS)) {
    const where = `referrer ${d.digest.slice(0, 19)}… (${via === "api" ? "referrers API" : "referrers tag schema"})`;
    if (!needsReferrerManifest(d)) out.push(...classifyReferrerDescriptor(d, where));
    else out.push(...classifyManifest((await client.getManifest(repo, d.digest)).manifest, where));
  }
  return out;
}

async function fromBuildx(client: RegistryClient, repo: string, index: Manifest): Promise<Evidence[]> {
  const out: Evidence[] = [];
  for (const d of buildxAttestationDescriptors(index).slice(0, MAX_BUILDX_ATTESTATIONS)) {
    out.push(
      ...classifyManifest(
        (await client.getManifest(repo, d.digest)).manifest,
        `buildx attestation ${d.digest.slice(0, 19)}`,
      ),
    );
  }
  return out;
}

export interface InspectImageInput {
  client: RegistryClient;
  /** Repository inside the registry, e.g. acme/api. */
  repo: string;
  versions?: PackageVersion[];
  attestations?: AttestationSource;
}

export async function inspectImage({
  client,
  repo,
  versions,
  attestations,
}: InspectImageInput): Promise<ImageFacts> {
  const name = `${client.host}/${repo}`;
  let tags: string[] | null = null;
  let tagsTruncated = false;
  let tagsReason: string | undefined;
  try {
    ({ tags, truncated: tagsTruncated } = await client.listTags(repo));
  } catch (error) {
    tagsReason = isRegistryError(error, "not_found")
      ? `repository ${repo} not found in the registry`
      : `tags: ${describe(error)}`;
    if (isRegistryError(error, "not_found") && !versions?.length) tags = [];
  }
  const latest = pickLatest(tags, versions);
  let digest: string | null = latest.ok ? latest.digest : null;
  let manifest: Manifest | null = null;
  let digestReason: string | undefined;
  const reference = latest.ok ? (tags !== null && latest.tag ? latest.tag : latest.digest) : null;
  if (reference) {
    try {
      ({ digest, manifest } = await client.getManifest(repo, reference));
    } catch (error) {
      digestReason = `resolve ${reference}: ${describe(error)}`;
    }
  }
  if (!digest)
    return buildImageFacts({
      name,
      tags,
      tagsTruncated,
      tagsReason,
      latest,
      digest: null,
      digestReason,
      lookups: [],
    });

  const d = digest;
  const pending: Array<Promise<Lookup>> = [];
  if (manifest === null) {
    // The image itself was not readable (GHCR answers an unauthorised read with 404 too), so a
    // 404 on its .sig/.att tags would prove nothing: the registry's evidence is unknown.
    pending.push(
      lookup("registry", ["signed", "provenance", "sbom"], () =>
        Promise.reject(new Error(`image manifest not readable (${digestReason ?? "not fetched"})`)),
      ),
    );
  } else {
    const m = manifest;
    pending.push(
      lookup(`cosign tag ${cosignTag(d, "sig")}`, ["signed"], () =>
        optionalTag(client, repo, cosignTag(d, "sig")),
      ),
      lookup(`cosign tag ${cosignTag(d, "att")}`, ["provenance", "sbom"], () =>
        optionalTag(client, repo, cosignTag(d, "att")),
      ),
      lookup(`cosign tag ${cosignTag(d, "sbom")}`, ["sbom"], () =>
        optionalTag(client, repo, cosignTag(d, "sbom")),
      ),
      lookup("referrers", ["signed", "provenance", "sbom"], () => fromReferrers(client, repo, d)),
    );
    if (isIndex(m))
      pending.push(
        lookup("buildx attestation manifests", ["provenance", "sbom"], () => fromBuildx(client, repo, m)),
      );
  }
  if (attestations) {
    pending.push(
      lookup("GitHub attestations", ["signed", "provenance", "sbom"], async () => {
        const answer = await attestations(d, name);
        if (answer.status === "unknown") throw new Error(answer.reason);
        return answer.status === "found" ? classifyGitHubPredicates(answer.predicateTypes) : [];
      }),
    );
  }
  return buildImageFacts({
    name,
    tags,
    tagsTruncated,
    tagsReason,
    latest,
    digest,
    digestReason,
    lookups: await Promise.all(pending),
  });
}
