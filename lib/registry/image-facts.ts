import type { ImageFacts } from "@/lib/facts/types";
import type { Evidence, FactKind } from "./classify";
import { pickLatest, publishedTags, type LatestChoice, type PackageVersion } from "./latest-tag";

// Turns what was looked up for one image into ImageFacts. The rule that matters: a fact is
// true as soon as any source shows the evidence; false only when every source that could
// show it was read completely; otherwise null (unknown), with the reason recorded.

/** One place evidence can live: a cosign tag, the referrers, buildx attestations, GitHub's API. */
export interface Lookup {
  /** e.g. "cosign signature tag", "referrers (tag schema)", "GitHub attestations". */
  source: string;
  /** Which facts this source can prove. */
  covers: FactKind[];
  /** done: read completely (found nothing is an answer); failed: could not read it. */
  status: "done" | "failed";
  found: Evidence[];
  reason?: string;
}

export interface ImageFactsInput {
  /** Full image name, e.g. ghcr.io/acme/api. */
  name: string;
  /** The registry's tags; null when they could not be listed. */
  tags: string[] | null;
  tagsTruncated?: boolean;
  /** Why the tags are null (e.g. "registry unreachable: ECONNREFUSED"). */
  tagsReason?: string;
  latest: LatestChoice;
  /** The digest the latest tag resolved to; null when it could not be resolved. */
  digest: string | null;
  digestReason?: string;
  lookups: Lookup[];
}

const FACT_KINDS: readonly FactKind[] = ["signed", "provenance", "sbom"];

function decide(
  kind: FactKind,
  digest: string | null,
  lookups: Lookup[],
): { value: boolean | null; reason?: string } {
  if (lookups.some((l) => l.found.some((e) => e.kind === kind))) return { value: true };
  if (!digest) return { value: null };
  const relevant = lookups.filter((l) => l.covers.includes(kind));
  if (relevant.length === 0) return { value: null, reason: `${kind}: no source can show it` };
  const failed = relevant.filter((l) => l.status === "failed");
  if (failed.length > 0)
    return {
      value: null,
      reason: `${kind}: unknown, ${failed.map((l) => l.source).join(", ")} could not be read`,
    };
  return { value: false };
}

export function buildImageFacts(input: ImageFactsInput): ImageFacts {
  const reasons: string[] = [];
  if (input.tagsReason) reasons.push(input.tagsReason);
  if (input.tagsTruncated)
    reasons.push("tag list truncated at the configured bound; the latest tag may be among the unread ones");
  if (!input.latest.ok) reasons.push(`latest: ${input.latest.reason}`);
  if (input.digestReason) reasons.push(input.digestReason);
  for (const l of input.lookups)
    if (l.status === "failed" && l.reason) reasons.push(`${l.source}: ${l.reason}`);

  const evidence: NonNullable<ImageFacts["evidence"]> = {};
  const values = {} as Record<FactKind, boolean | null>;
  for (const kind of FACT_KINDS) {
    const { value, reason } = decide(kind, input.digest, input.lookups);
    values[kind] = value;
    if (reason) reasons.push(reason);
    const found = [
      ...new Set(input.lookups.flatMap((l) => l.found.filter((e) => e.kind === kind).map((e) => e.detail))),
    ];
    if (found.length > 0) evidence[kind] = found;
  }
  return {
    name: input.name,
    latestDigest: input.digest,
    latestTag: input.latest.ok ? input.latest.tag : null,
    tags: publishedTags(input.tags ?? []),
    signed: values.signed,
    provenance: values.provenance,
    sbom: values.sbom,
    ...(Object.keys(evidence).length > 0 ? { evidence } : {}),
    ...(reasons.length > 0 ? { reasons: [...new Set(reasons)] } : {}),
  };
}

/** The facts of an image that could not be inspected at all (unknown everywhere). */
export function unknownImageFacts(
  name: string,
  reason: string,
  versions?: readonly PackageVersion[],
): ImageFacts {
  return buildImageFacts({
    name,
    tags: null,
    tagsReason: reason,
    latest: versions ? pickLatest(null, versions) : { ok: false, reason: "not inspected" },
    digest: null,
    lookups: [],
  });
}
