import { describe, expect, it } from "vitest";
import { ctx, fixtureFacts, inlineFacts } from "../test-kit";
import { noProvenance } from "./no-provenance";
import { noSbom } from "./no-sbom";
import { unsignedArtifacts } from "./unsigned-artifacts";

const image = {
  name: "ghcr.io/acme/api",
  latestDigest: "sha256:" + "c".repeat(64),
  tags: ["1.0.0"],
  signed: true,
  provenance: true,
  sbom: false,
};

describe("unsigned-artifacts / no-provenance / no-sbom", () => {
  it("flask: SLSA generator + PyPI attestations pass signing and provenance; no SBOM fails", () => {
    const facts = fixtureFacts("pallets__flask", { registry: null });
    expect(unsignedArtifacts.run(facts, ctx).status).toBe("pass");
    expect(noProvenance.run(facts, ctx).status).toBe("pass");
    const sbom = noSbom.run(facts, ctx);
    expect(sbom.status).toBe("fail");
    expect(sbom.findings.map((f) => f.evidence.kind === "file" && f.evidence.line)).toEqual([65, 69]);
  });
  it("goat publishes an image with nothing: all three fail at the publish step", () => {
    const facts = fixtureFacts("step-security__github-actions-goat", { registry: null });
    for (const c of [unsignedArtifacts, noProvenance, noSbom]) {
      expect(c.run(facts, ctx)).toMatchObject({
        status: "fail",
        findings: [{ evidence: { file: ".github/workflows/publish.yml", line: 18 } }],
      });
    }
  });
  it("registry flags decide for the latest digest; null flags are unknown; no publication is n/a", () => {
    const facts = inlineFacts({}, { registry: { images: [image] } });
    expect(unsignedArtifacts.run(facts, ctx)).toMatchObject({
      status: "pass",
      evidence: [{ kind: "api", value: true }],
    });
    expect(noSbom.run(facts, ctx)).toMatchObject({
      status: "fail",
      findings: [
        {
          evidence: {
            kind: "api",
            field: `registry.images[ghcr.io/acme/api@${image.latestDigest}].sbom`,
            value: false,
          },
        },
      ],
    });
    expect(
      noProvenance.run(inlineFacts({}, { registry: { images: [{ ...image, provenance: null }] } }), ctx)
        .status,
    ).toBe("unknown");
    expect(noProvenance.run(inlineFacts({}, { registry: null }), ctx).status).toBe("not-applicable");
  });
});
