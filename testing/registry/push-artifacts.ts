import { ANNOTATION, cosignTag, MT, referrersTag } from "../../lib/registry/media-types";
import { pushBlob, pushManifest, sha256, type Descriptor, type PushTarget } from "./oci-push";

// Supply-chain artifacts in the shapes real tools push: cosign signatures and attestations
// under cosign's tag scheme, OCI 1.1 referrers (manifest with `subject`) listed in the
// distribution-spec's referrers tag schema index (docker-registry 2.8 and GHCR have no
// referrers API), and Docker buildx attestation manifests inside an image index.

export const SLSA_V1 = "https://slsa.dev/provenance/v1";
export const SPDX = "https://spdx.dev/Document";
export const CYCLONEDX = "https://cyclonedx.org/bom";

async function emptyConfig(t: PushTarget): Promise<Descriptor> {
  return pushBlob(t, "{}", MT.ociEmpty);
}

/** `cosign sign`: tag sha256-<hex>.sig, simplesigning payload layer with the signature annotation. */
export async function pushCosignSignature(
  t: PushTarget,
  imageRef: string,
  digest: string,
): Promise<Descriptor> {
  const payload = JSON.stringify({
    critical: {
      identity: { "docker-reference": imageRef },
      image: { "docker-manifest-digest": digest },
      type: "cosign container image signature",
    },
    optional: null,
  });
  const layer = await pushBlob(t, payload, MT.cosignSimpleSigning, {
    [ANNOTATION.cosignSignature]: Buffer.from(`sig over ${digest}`).toString("base64"),
  });
  const config = await pushBlob(
    t,
    JSON.stringify({ architecture: "", os: "", rootfs: { type: "layers", diff_ids: [sha256(payload)] } }),
    MT.ociConfig,
  );
  return pushManifest(
    t,
    cosignTag(digest, "sig"),
    { schemaVersion: 2, mediaType: MT.ociManifest, config, layers: [layer] },
    MT.ociManifest,
  );
}

function dsseEnvelope(digest: string, predicateType: string): string {
  const statement = {
    _type: "https://in-toto.io/Statement/v1",
    subject: [{ name: "image", digest: { sha256: digest.slice(7) } }],
    predicateType,
    predicate: {},
  };
  return JSON.stringify({
    payloadType: "application/vnd.in-toto+json",
    payload: Buffer.from(JSON.stringify(statement)).toString("base64"),
    signatures: [{ keyid: "", sig: "c2ln" }],
  });
}

/** `cosign attest`: tag sha256-<hex>.att, one DSSE envelope layer per predicate with the `predicateType` annotation. */
export async function pushCosignAttestations(
  t: PushTarget,
  digest: string,
  predicateTypes: string[],
): Promise<Descriptor> {
  const layers: Descriptor[] = [];
  for (const type of predicateTypes)
    layers.push(
      await pushBlob(t, dsseEnvelope(digest, type), MT.dsseEnvelope, {
        [ANNOTATION.cosignPredicateType]: type,
      }),
    );
  const config = await pushBlob(
    t,
    JSON.stringify({ architecture: "", os: "", rootfs: { type: "layers", diff_ids: [] } }),
    MT.ociConfig,
  );
  return pushManifest(
    t,
    cosignTag(digest, "att"),
    { schemaVersion: 2, mediaType: MT.ociManifest, config, layers },
    MT.ociManifest,
  );
}

/** `cosign attach sbom`: tag sha256-<hex>.sbom with the SBOM document as its layer. */
export async function pushCosignSbom(
  t: PushTarget,
  digest: string,
  mediaType = "text/spdx+json",
): Promise<Descriptor> {
  const layer = await pushBlob(t, JSON.stringify({ spdxVersion: "SPDX-2.3", name: digest }), mediaType);
  return pushManifest(
    t,
    cosignTag(digest, "sbom"),
    { schemaVersion: 2, mediaType: MT.ociManifest, config: await emptyConfig(t), layers: [layer] },
    MT.ociManifest,
  );
}

export interface ReferrerSpec {
  artifactType: string;
  annotations?: Record<string, string>;
  layerMediaType?: string;
  layerAnnotations?: Record<string, string>;
  content?: string;
}

/**
 * An OCI 1.1 referrer of `subject`, then the referrers tag schema index updated the way
 * distribution-spec 1.1 asks clients to: fetch `sha256-<hex>`, add the descriptor, put it back.
 */
export async function pushReferrer(
  t: PushTarget,
  subject: Descriptor,
  spec: ReferrerSpec,
): Promise<Descriptor> {
  const layer = await pushBlob(
    t,
    spec.content ?? `artifact ${spec.artifactType}`,
    spec.layerMediaType ?? spec.artifactType,
    spec.layerAnnotations,
  );
  const manifest = {
    schemaVersion: 2,
    mediaType: MT.ociManifest,
    artifactType: spec.artifactType,
    config: await emptyConfig(t),
    layers: [layer],
    subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
    ...(spec.annotations ? { annotations: spec.annotations } : {}),
  };
  const pushed = await pushManifest(t, sha256(JSON.stringify(manifest)), manifest, MT.ociManifest);
  const descriptor: Descriptor = {
    ...pushed,
    artifactType: spec.artifactType,
    ...(spec.annotations ? { annotations: spec.annotations } : {}),
  };
  const tag = referrersTag(subject.digest);
  const existing = await fetch(`${t.url}/v2/${t.name}/manifests/${tag}`, {
    headers: { ...t.headers, accept: MT.ociIndex },
  });
  const manifests: Descriptor[] = existing.ok
    ? ((await existing.json()) as { manifests: Descriptor[] }).manifests
    : [];
  if (!existing.ok) await existing.body?.cancel();
  await pushManifest(
    t,
    tag,
    { schemaVersion: 2, mediaType: MT.ociIndex, manifests: [...manifests, descriptor] },
    MT.ociIndex,
  );
  return descriptor;
}

/**
 * What `docker buildx build --provenance --sbom` pushes: for each platform manifest, an
 * attestation manifest (platform unknown/unknown) whose in-toto layers carry the predicate
 * type, listed in the same index. Returns descriptors to include in the index.
 */
export async function buildxAttestationManifest(
  t: PushTarget,
  platformManifest: Descriptor,
  predicateTypes: string[],
): Promise<Descriptor> {
  const layers: Descriptor[] = [];
  for (const type of predicateTypes)
    layers.push(
      await pushBlob(
        t,
        JSON.stringify({ _type: "https://in-toto.io/Statement/v0.1", predicateType: type }),
        MT.inToto,
        { [ANNOTATION.inTotoPredicateType]: type },
      ),
    );
  const config = await pushBlob(
    t,
    JSON.stringify({ architecture: "unknown", os: "unknown", rootfs: { type: "layers", diff_ids: [] } }),
    MT.ociConfig,
  );
  const manifest = { schemaVersion: 2, mediaType: MT.ociManifest, config, layers };
  const pushed = await pushManifest(t, sha256(JSON.stringify(manifest)), manifest, MT.ociManifest);
  return {
    ...pushed,
    platform: { architecture: "unknown", os: "unknown" },
    annotations: {
      [ANNOTATION.buildxReferenceType]: "attestation-manifest",
      [ANNOTATION.buildxReferenceDigest]: platformManifest.digest,
    },
  };
}
