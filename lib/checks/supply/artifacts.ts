// unsigned-artifacts, no-provenance, no-sbom: what publishing workflows produce, and what
// the registry says about the latest published digest.
import type { ImageFacts } from "../../facts/types";
import type { ToolKind } from "../../analyzers/tools/kinds";
import type { CheckDefinition, Evidence, Finding } from "../types";
import { workflowsOf } from "../wf/workflows-of";
import { snippet } from "../wf/util";
import { assemble } from "./common";
import { hitsOfKind, publications } from "./wf-steps";

interface Spec {
  id: string;
  title: string;
  severity: "high" | "medium";
  kind: ToolKind;
  flag: "signed" | "provenance" | "sbom";
  rationale: string;
  remediation: string;
  missing: string;
  fix: { image: string; package: string; release: string };
  registryFix: string;
}

function artifactCheck(spec: Spec): CheckDefinition {
  return {
    id: spec.id,
    title: spec.title,
    category: "integrity",
    severity: spec.severity,
    from: ["wf", "registry"],
    rationale: spec.rationale,
    remediation: spec.remediation,
    run(facts) {
      const wfs = workflowsOf(facts);
      const findings: Finding[] = [];
      const evidence: Evidence[] = [];
      const pubs = publications(wfs.workflows);
      for (const wf of wfs.workflows) {
        const mine = pubs.filter((p) => p.wf === wf);
        if (mine.length === 0) continue;
        const hits = hitsOfKind([wf], spec.kind);
        if (hits.length > 0) {
          for (const h of hits)
            evidence.push({ kind: "file", file: wf.path, line: h.line, snippet: snippet(wf, h.line) });
          continue;
        }
        for (const p of mine) {
          findings.push({
            message: `${wf.path} publishes (${p.what}, job \`${p.job.id}\`) ${spec.missing}.`,
            evidence: { kind: "file", file: wf.path, line: p.line, snippet: snippet(wf, p.line) },
            remediation: spec.fix[p.kind],
            confidence: p.kind === "release" ? "medium" : "high",
          });
        }
      }
      const unknown: string[] = [];
      const images: ImageFacts[] = facts.registry?.images ?? [];
      for (const img of images) {
        if (img.latestDigest === null) continue;
        const value = img[spec.flag];
        const ev: Evidence = {
          kind: "api",
          field: `registry.images[${img.name}@${img.latestDigest}].${spec.flag}`,
          value,
        };
        if (value === true) evidence.push(ev);
        else if (value === false)
          findings.push({
            message: `The latest digest of ${img.name} (${img.latestDigest.slice(0, 19)}…) ${spec.missing}.`,
            evidence: ev,
            remediation: spec.registryFix.replace("{image}", `${img.name}@${img.latestDigest}`),
            confidence: "high",
          });
        else unknown.push(`${img.name}: ${spec.flag} was not checked.`);
      }
      const failures = wfs.failures.map((f) => ({ path: f.path, reason: f.error }));
      const nothing = pubs.length === 0 && images.length === 0;
      const reason =
        facts.registry === null
          ? "No workflow publishes an image, package or release asset (registry not checked)."
          : "Nothing is published by workflows or found in the registry.";
      return assemble({
        findings,
        failures,
        unknown: findings.length ? [] : unknown,
        evidence,
        notApplicable: nothing ? reason : undefined,
      });
    },
  };
}

export const unsignedArtifacts = artifactCheck({
  id: "unsigned-artifacts",
  title: "Published artifacts are signed",
  severity: "high",
  kind: "signing",
  flag: "signed",
  rationale:
    "A signature binds an artifact to the identity that built it; without one, a consumer cannot tell your image or package from one pushed with a stolen registry token.",
  remediation:
    "Sign what you publish: `cosign sign` (keyless, with id-token: write) for images, `gh attestation`/attest-build-provenance, npm `--provenance`, PyPI trusted publishing.",
  missing: "with no signing step",
  fix: {
    image:
      "After the push, add (job permissions: id-token: write, packages: write):\n- uses: sigstore/cosign-installer@<sha> # v3\n- run: cosign sign --yes <image>@${{ steps.<build-step-id>.outputs.digest }}",
    package:
      "Publish with provenance signing: `npm publish --provenance` (id-token: write) / PyPI trusted publishing with attestations, or add actions/attest-build-provenance for the package file.",
    release:
      "Sign the release files: add `actions/attest-build-provenance` with `subject-path: <files>` or `cosign sign-blob --yes --bundle <file>.sigstore.json <file>` before uploading.",
  },
  registryFix:
    "Sign {image} (`cosign sign --yes {image}`) and add the signing step to the publishing workflow so every new digest is signed.",
});

export const noProvenance = artifactCheck({
  id: "no-provenance",
  title: "Builds produce provenance",
  severity: "high",
  kind: "provenance",
  flag: "provenance",
  rationale:
    "Provenance records which workflow, commit and inputs produced an artifact, so a deploy can reject anything not built by your pipeline from your repository.",
  remediation:
    "Add actions/attest-build-provenance (or the SLSA generator, or buildx `provenance: mode=max`) to every publishing job.",
  missing: "with no build provenance",
  fix: {
    image:
      "Add after the push (permissions: id-token: write, attestations: write):\n- uses: actions/attest-build-provenance@<sha> # v2\n  with:\n    subject-name: <registry>/<image>\n    subject-digest: ${{ steps.<build-step-id>.outputs.digest }}\n    push-to-registry: true",
    package:
      "Publish with `npm publish --provenance` / PyPI trusted publishing (attestations on), or add actions/attest-build-provenance with `subject-path` for the built package.",
    release:
      "Add actions/attest-build-provenance with `subject-path: <release files>` (or slsa-framework/slsa-github-generator) to the release job.",
  },
  registryFix:
    "Produce provenance for {image}: add actions/attest-build-provenance (push-to-registry: true) to the workflow that builds it.",
});

export const noSbom = artifactCheck({
  id: "no-sbom",
  title: "Releases ship an SBOM",
  severity: "medium",
  kind: "sbom",
  flag: "sbom",
  rationale:
    'An SBOM lets you answer "are we affected?" in minutes when the next log4shell lands, for exactly the artifact that was deployed.',
  remediation:
    "Generate an SBOM in the publishing job (anchore/sbom-action, syft, cdxgen, buildx `sbom: true`) and attach it (actions/attest-sbom).",
  missing: "without an SBOM",
  fix: {
    image:
      "Set `sbom: true` on docker/build-push-action, or add:\n- uses: anchore/sbom-action@<sha> # v0\n  with: { image: <image>@${{ steps.<build-step-id>.outputs.digest }}, format: spdx-json, output-file: sbom.spdx.json }\n- uses: actions/attest-sbom@<sha> # v2",
    package:
      "Add `anchore/sbom-action` (or `cdxgen`/`cyclonedx-npm`) to the publishing job and attach the SBOM with actions/attest-sbom.",
    release: "Add `anchore/sbom-action` with `path: .` and upload the SBOM as a release asset.",
  },
  registryFix:
    "Attach an SBOM to {image}: `syft {image} -o spdx-json > sbom.json` and `cosign attest --type spdxjson --predicate sbom.json {image}`, and add it to the build workflow.",
});
