import { describe, expect, it } from "vitest";
import {
  buildxAttestationDescriptors,
  classifyGitHubPredicates,
  classifyLayer,
  classifyManifest,
  classifyReferrerDescriptor,
  kindOfPredicate,
  needsReferrerManifest,
} from "./classify";
import type { Manifest, ManifestDescriptor } from "./manifest";
import { MT } from "./media-types";

const D = `sha256:${"d".repeat(64)}`;
const desc = (over: Partial<ManifestDescriptor>): ManifestDescriptor => ({
  mediaType: MT.ociManifest,
  digest: D,
  ...over,
});
const manifest = (over: Partial<Manifest>): Manifest => ({
  mediaType: MT.ociManifest,
  layers: [],
  manifests: [],
  annotations: {},
  ...over,
});

describe("predicate types", () => {
  it("knows SLSA provenance versions and SPDX/CycloneDX SBOMs", () => {
    expect(kindOfPredicate("https://slsa.dev/provenance/v1")).toBe("provenance");
    expect(kindOfPredicate("https://slsa.dev/provenance/v0.2")).toBe("provenance");
    expect(kindOfPredicate("https://spdx.dev/Document")).toBe("sbom");
    expect(kindOfPredicate("https://spdx.dev/Document/v2.3")).toBe("sbom");
    expect(kindOfPredicate("https://cyclonedx.org/bom")).toBe("sbom");
    expect(kindOfPredicate("https://cosign.sigstore.dev/attestation/vuln/v1")).toBeNull();
  });
});

describe("classifyLayer", () => {
  it("needs the signature annotation on a simplesigning layer", () => {
    expect(
      classifyLayer(
        desc({
          mediaType: MT.cosignSimpleSigning,
          annotations: { "dev.cosignproject.cosign/signature": "MEUC" },
        }),
        "t",
      ),
    ).toEqual([{ kind: "signed", detail: "t: cosign signature" }]);
    expect(
      classifyLayer(
        desc({ mediaType: MT.cosignSimpleSigning, annotations: { "dev.sigstore.cosign/bundle": "{}" } }),
        "t",
      ),
    ).toHaveLength(1);
    expect(classifyLayer(desc({ mediaType: MT.cosignSimpleSigning }), "t")).toEqual([]);
  });

  it("reads the predicate type of DSSE and in-toto layers (cosign and buildx annotations)", () => {
    expect(
      classifyLayer(
        desc({
          mediaType: MT.dsseEnvelope,
          annotations: { predicateType: "https://slsa.dev/provenance/v1" },
        }),
        "t",
      )[0]?.kind,
    ).toBe("provenance");
    expect(
      classifyLayer(
        desc({
          mediaType: MT.inToto,
          annotations: { "in-toto.io/predicate-type": "https://spdx.dev/Document" },
        }),
        "t",
      )[0]?.kind,
    ).toBe("sbom");
    expect(classifyLayer(desc({ mediaType: MT.dsseEnvelope }), "t")).toEqual([]);
  });

  it("recognises SBOM documents attached as layers", () => {
    expect(classifyLayer(desc({ mediaType: "text/spdx+json" }), "t")[0]?.kind).toBe("sbom");
    expect(classifyLayer(desc({ mediaType: "application/vnd.cyclonedx+json" }), "t")[0]?.kind).toBe("sbom");
    expect(classifyLayer(desc({ mediaType: MT.ociLayer }), "t")).toEqual([]);
  });
});

describe("classifyReferrerDescriptor", () => {
  it("tells sigstore signature bundles from attestation bundles", () => {
    expect(
      classifyReferrerDescriptor(
        desc({
          artifactType: "application/vnd.dev.sigstore.bundle.v0.3+json",
          annotations: { "dev.sigstore.bundle.content": "message-signature" },
        }),
        "r",
      )[0]?.kind,
    ).toBe("signed");
    expect(
      classifyReferrerDescriptor(
        desc({
          artifactType: "application/vnd.dev.sigstore.bundle.v0.3+json",
          annotations: { "dev.sigstore.bundle.predicateType": "https://slsa.dev/provenance/v1" },
        }),
        "r",
      )[0]?.kind,
    ).toBe("provenance");
    const dsseWithoutType = desc({
      artifactType: "application/vnd.dev.sigstore.bundle.v0.3+json",
      annotations: { "dev.sigstore.bundle.content": "dsse-envelope" },
    });
    expect(classifyReferrerDescriptor(dsseWithoutType, "r")).toEqual([]);
    expect(needsReferrerManifest(dsseWithoutType)).toBe(true);
  });

  it("knows notation signatures and SBOM artifact types", () => {
    expect(classifyReferrerDescriptor(desc({ artifactType: MT.notarySignature }), "r")[0]?.kind).toBe(
      "signed",
    );
    expect(classifyReferrerDescriptor(desc({ artifactType: "application/spdx+json" }), "r")[0]?.kind).toBe(
      "sbom",
    );
    expect(classifyReferrerDescriptor(desc({ artifactType: "application/vnd.example.thing" }), "r")).toEqual(
      [],
    );
  });
});

describe("manifests", () => {
  it("classifies a referrer manifest by its own artifactType and annotations, and its layers", () => {
    const m = manifest({
      artifactType: MT.inToto,
      annotations: { predicateType: "https://slsa.dev/provenance/v1" },
      layers: [desc({ mediaType: "application/vnd.cyclonedx+json" })],
    });
    expect(
      classifyManifest(m, "x")
        .map((e) => e.kind)
        .sort(),
    ).toEqual(["provenance", "sbom"]);
  });

  it("finds buildx attestation manifests in an index", () => {
    const att = desc({ annotations: { "vnd.docker.reference.type": "attestation-manifest" } });
    expect(
      buildxAttestationDescriptors(manifest({ mediaType: MT.ociIndex, manifests: [desc({}), att] })),
    ).toEqual([att]);
  });

  it("counts a GitHub attestation as a signature and by predicate", () => {
    expect(
      classifyGitHubPredicates(["https://slsa.dev/provenance/v1", "https://spdx.dev/Document/v2.3"])
        .map((e) => e.kind)
        .sort(),
    ).toEqual(["provenance", "sbom", "signed"]);
    expect(classifyGitHubPredicates([])).toEqual([]);
  });
});
