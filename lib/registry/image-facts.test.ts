import { describe, expect, it } from "vitest";
import { buildImageFacts, unknownImageFacts, type ImageFactsInput, type Lookup } from "./image-facts";

const DIGEST = `sha256:${"c".repeat(64)}`;
const latest = { ok: true as const, tag: "latest", digest: null, rule: "latest-tag" as const };
const done = (source: string, covers: Lookup["covers"], found: Lookup["found"] = []): Lookup => ({
  source,
  covers,
  status: "done",
  found,
});
const failed = (source: string, covers: Lookup["covers"], reason: string): Lookup => ({
  source,
  covers,
  status: "failed",
  found: [],
  reason,
});
const ALL = ["signed", "provenance", "sbom"] as const;

function input(lookups: Lookup[], over: Partial<ImageFactsInput> = {}): ImageFactsInput {
  return {
    name: "ghcr.io/acme/api",
    tags: ["latest", `sha256-${"c".repeat(64)}.sig`],
    latest,
    digest: DIGEST,
    lookups,
    ...over,
  };
}

describe("buildImageFacts", () => {
  it("is false for every fact only when every covering source was read and showed nothing", () => {
    const facts = buildImageFacts(
      input([done("sig", ["signed"]), done("att", ["provenance", "sbom"]), done("referrers", [...ALL])]),
    );
    expect(facts).toMatchObject({
      signed: false,
      provenance: false,
      sbom: false,
      latestDigest: DIGEST,
      latestTag: "latest",
      tags: ["latest"],
    });
    expect(facts.reasons).toBeUndefined();
  });

  it("is true as soon as one source shows the evidence, even if another failed", () => {
    const facts = buildImageFacts(
      input([
        done("sig", ["signed"], [{ kind: "signed", detail: "tag x.sig: cosign signature" }]),
        failed("referrers", [...ALL], "unreachable: timed out"),
        done("att", ["provenance", "sbom"], [{ kind: "sbom", detail: "att: spdx" }]),
      ]),
    );
    expect(facts).toMatchObject({ signed: true, sbom: true, provenance: null });
    expect(facts.evidence).toEqual({ signed: ["tag x.sig: cosign signature"], sbom: ["att: spdx"] });
    expect(facts.reasons).toEqual(
      expect.arrayContaining([
        "referrers: unreachable: timed out",
        "provenance: unknown, referrers could not be read",
      ]),
    );
  });

  it("is unknown, never false, without a digest", () => {
    const facts = buildImageFacts(
      input([], {
        tags: null,
        tagsReason: "tags: unreachable: ECONNREFUSED",
        latest: { ok: false, reason: "no published tags" },
        digest: null,
      }),
    );
    expect(facts).toMatchObject({
      signed: null,
      provenance: null,
      sbom: null,
      latestDigest: null,
      latestTag: null,
      tags: [],
    });
    expect(facts.reasons).toEqual(["tags: unreachable: ECONNREFUSED", "latest: no published tags"]);
  });

  it("is unknown for a fact no source covers", () => {
    const facts = buildImageFacts(input([done("sig", ["signed"])]));
    expect(facts).toMatchObject({ signed: false, provenance: null, sbom: null });
    expect(facts.reasons).toContain("provenance: no source can show it");
  });

  it("records truncated tag lists and digest failures", () => {
    const facts = buildImageFacts(
      input([done("GitHub attestations", [...ALL])], {
        tagsTruncated: true,
        digestReason: "resolve latest: malformed: bad",
      }),
    );
    expect(facts.reasons).toEqual(
      expect.arrayContaining([expect.stringContaining("truncated"), "resolve latest: malformed: bad"]),
    );
    expect(facts.signed).toBe(false);
  });

  it("unknownImageFacts keeps the versions' choice visible but judges nothing", () => {
    const facts = unknownImageFacts("ghcr.io/acme/x", "image is on docker.io", [
      { digest: DIGEST, tags: ["v1.0.0"], createdAt: "2024-01-01T00:00:00Z" },
    ]);
    expect(facts).toMatchObject({
      signed: null,
      provenance: null,
      sbom: null,
      latestDigest: null,
      latestTag: "v1.0.0",
      reasons: ["image is on docker.io"],
    });
  });
});
