import type { Manifest, ManifestDescriptor } from "./manifest";
import { ANNOTATION, MT, isProvenancePredicate, isSbomMediaType, isSbomPredicate } from "./media-types";

// What an artifact found next to an image proves: a signature, build provenance or an SBOM.
// Presence, not verification: Gatehouse reports that the evidence exists for the digest;
// verifying it against an identity policy is the deploy gate's job (no-deploy-verification).

export type FactKind = "signed" | "provenance" | "sbom";

export interface Evidence {
  kind: FactKind;
  /** Human-readable origin for the finding, e.g. "cosign attestation https://slsa.dev/provenance/v1 (tag sha256-….att)". */
  detail: string;
}

export function kindOfPredicate(type: string): FactKind | null {
  if (isProvenancePredicate(type)) return "provenance";
  if (isSbomPredicate(type)) return "sbom";
  return null;
}

function predicateOf(annotations: Record<string, string> | undefined): string | undefined {
  if (!annotations) return undefined;
  return (
    annotations[ANNOTATION.cosignPredicateType] ??
    annotations[ANNOTATION.sigstorePredicateType] ??
    annotations[ANNOTATION.inTotoPredicateType]
  );
}

function fromPredicate(type: string | undefined, where: string): Evidence[] {
  const kind = type ? kindOfPredicate(type) : null;
  return kind && type ? [{ kind, detail: `${where}: ${type}` }] : [];
}

/** A layer of a cosign .sig/.att/.sbom manifest, a referrer or a buildx attestation manifest. */
export function classifyLayer(layer: ManifestDescriptor, where: string): Evidence[] {
  const a = layer.annotations ?? {};
  if (
    layer.mediaType === MT.cosignSimpleSigning &&
    (a[ANNOTATION.cosignSignature] || a[ANNOTATION.cosignBundle])
  ) {
    return [{ kind: "signed", detail: `${where}: cosign signature` }];
  }
  if (
    layer.mediaType === MT.dsseEnvelope ||
    layer.mediaType === MT.inToto ||
    layer.mediaType.startsWith(MT.sigstoreBundlePrefix)
  ) {
    return fromPredicate(predicateOf(a), where);
  }
  if (isSbomMediaType(layer.mediaType)) return [{ kind: "sbom", detail: `${where}: ${layer.mediaType}` }];
  return [];
}

/** A referrer as its descriptor in the referrers index describes it (artifactType + annotations). */
export function classifyReferrerDescriptor(d: ManifestDescriptor, where: string): Evidence[] {
  const type = d.artifactType ?? "";
  const a = d.annotations ?? {};
  const predicate = predicateOf(a);
  if (type.startsWith(MT.sigstoreBundlePrefix)) {
    // cosign 2 (OCI 1.1 mode) stores signatures and attestations as sigstore bundles; only
    // attestations name a predicate type.
    if (predicate) return fromPredicate(predicate, where);
    return a["dev.sigstore.bundle.content"] === "dsse-envelope"
      ? []
      : [{ kind: "signed", detail: `${where}: sigstore bundle` }];
  }
  if (type === MT.notarySignature) return [{ kind: "signed", detail: `${where}: notation signature` }];
  if (type === "application/vnd.dev.cosign.artifact.sig.v1+json")
    return [{ kind: "signed", detail: `${where}: cosign signature` }];
  if (type === "application/vnd.dev.cosign.artifact.sbom.v1+json" || isSbomMediaType(type))
    return [{ kind: "sbom", detail: `${where}: ${type}` }];
  if (predicate) return fromPredicate(predicate, where);
  return [];
}

/** Whether the descriptor alone is too vague, so the referrer's manifest must be read. */
export function needsReferrerManifest(d: ManifestDescriptor): boolean {
  return classifyReferrerDescriptor(d, "").length === 0;
}

export function classifyManifest(m: Manifest, where: string): Evidence[] {
  const fromLayers = m.layers.flatMap((l) => classifyLayer(l, where));
  const fromSelf = m.artifactType
    ? classifyReferrerDescriptor(
        {
          mediaType: m.mediaType,
          digest: "sha256:0",
          artifactType: m.artifactType,
          annotations: m.annotations,
        },
        where,
      )
    : [];
  return dedupe([...fromSelf, ...fromLayers]);
}

/** Docker buildx puts provenance/SBOM attestation manifests into the image index itself. */
export function buildxAttestationDescriptors(index: Manifest): ManifestDescriptor[] {
  return index.manifests.filter(
    (d) => d.annotations?.[ANNOTATION.buildxReferenceType] === "attestation-manifest",
  );
}

/** GitHub artifact attestations are sigstore-signed statements about the digest. */
export function classifyGitHubPredicates(predicateTypes: readonly string[]): Evidence[] {
  const out: Evidence[] = predicateTypes.flatMap((t) => fromPredicate(t, "GitHub attestation"));
  if (predicateTypes.length > 0)
    out.push({
      kind: "signed",
      detail: `GitHub attestation (sigstore bundle): ${predicateTypes.length} for the digest`,
    });
  return dedupe(out);
}

function dedupe(items: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return items.filter((e) => {
    const key = `${e.kind}\u0000${e.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
