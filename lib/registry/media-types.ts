// Media types, annotations and tag conventions Gatehouse recognises in registries.
// Sources: OCI image-spec 1.1 and distribution-spec 1.1, cosign's spec (SIGNATURE_SPEC.md,
// tag scheme `sha256-<hex>.{sig,att,sbom}`), Docker buildx attestation manifests,
// sigstore bundle and notation artifact types.

export const MT = {
  ociManifest: "application/vnd.oci.image.manifest.v1+json",
  ociIndex: "application/vnd.oci.image.index.v1+json",
  dockerManifest: "application/vnd.docker.distribution.manifest.v2+json",
  dockerManifestList: "application/vnd.docker.distribution.manifest.list.v2+json",
  ociConfig: "application/vnd.oci.image.config.v1+json",
  ociLayer: "application/vnd.oci.image.layer.v1.tar+gzip",
  ociEmpty: "application/vnd.oci.empty.v1+json",
  cosignSimpleSigning: "application/vnd.dev.cosign.simplesigning.v1+json",
  dsseEnvelope: "application/vnd.dsse.envelope.v1+json",
  inToto: "application/vnd.in-toto+json",
  sigstoreBundlePrefix: "application/vnd.dev.sigstore.bundle",
  notarySignature: "application/vnd.cncf.notary.signature",
} as const;

/** What we send as Accept when resolving a tag: indexes first so a multi-arch tag resolves to its index. */
export const MANIFEST_ACCEPT = [MT.ociIndex, MT.dockerManifestList, MT.ociManifest, MT.dockerManifest].join(
  ", ",
);

export const ANNOTATION = {
  cosignSignature: "dev.cosignproject.cosign/signature",
  cosignBundle: "dev.sigstore.cosign/bundle",
  cosignPredicateType: "predicateType",
  sigstorePredicateType: "dev.sigstore.bundle.predicateType",
  buildxReferenceType: "vnd.docker.reference.type",
  buildxReferenceDigest: "vnd.docker.reference.digest",
  inTotoPredicateType: "in-toto.io/predicate-type",
} as const;

/** SLSA provenance predicate types (v0.1, v0.2, v1). */
export function isProvenancePredicate(type: string): boolean {
  return /^https:\/\/slsa\.dev\/provenance\/v/i.test(type);
}

/** SPDX / CycloneDX predicate types (GitHub's attest-sbom uses `https://spdx.dev/Document/v2.3`). */
export function isSbomPredicate(type: string): boolean {
  return /^https:\/\/(spdx\.dev\/Document|cyclonedx\.org\/(bom|schema))/i.test(type);
}

/** Layer media types of SBOMs attached with `cosign attach sbom` or pushed as referrers. */
export function isSbomMediaType(type: string): boolean {
  return /^(text\/spdx|application\/spdx\+json|application\/vnd\.cyclonedx|application\/vnd\.syft\+json)/i.test(
    type,
  );
}

const DIGEST = /^sha256:([0-9a-f]{64})$/;

export function isDigest(value: string): boolean {
  return DIGEST.test(value);
}

/** Cosign's tag for an artifact of `digest`: sha256-<hex>.sig / .att / .sbom. */
export function cosignTag(digest: string, suffix: "sig" | "att" | "sbom"): string {
  return `${referrersTag(digest)}.${suffix}`;
}

/** OCI distribution-spec 1.1 referrers tag schema: `<alg>-<ref>`, for registries without the referrers API. */
export function referrersTag(digest: string): string {
  const m = DIGEST.exec(digest);
  if (!m) throw new Error(`not a sha256 digest: ${digest}`);
  return `sha256-${m[1]}`;
}

/** Tags that name artifacts about other manifests, not images a user published. */
export function isArtifactTag(tag: string): boolean {
  return /^sha256-[0-9a-f]{64}(\.[a-z]+)?$/.test(tag);
}
