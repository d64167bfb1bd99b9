import { artifactCheck } from "../support/artifacts";

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
