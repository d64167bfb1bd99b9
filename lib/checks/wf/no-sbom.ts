import { artifactCheck } from "../support/artifacts";

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
