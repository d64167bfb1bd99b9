import { artifactCheck } from "../support/artifacts";

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
