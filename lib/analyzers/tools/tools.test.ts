import { describe, expect, it } from "vitest";
import { logicalLines, ofKind, stepHits, type StepText } from "./detect";
import { publishHits } from "./publish";
import { remoteExecHits } from "./remote-exec";

const run = (script: string, continueOnError = false): StepText => ({
  with: {},
  runLines: logicalLines(script),
  continueOnError,
});
const uses = (action: string, w: Record<string, string> = {}, continueOnError = false): StepText => ({
  action,
  with: w,
  runLines: [],
  continueOnError,
});

describe("scanner gates", () => {
  it("trivy-action gates only with a non-zero exit-code", () => {
    expect(stepHits(uses("aquasecurity/trivy-action", { "image-ref": "x" }))[0]).toMatchObject({
      kind: "dependency-scan",
      gate: false,
    });
    expect(stepHits(uses("aquasecurity/trivy-action", { "exit-code": "1" }))[0]).toMatchObject({
      kind: "dependency-scan",
      gate: true,
    });
    expect(
      stepHits(uses("aquasecurity/trivy-action", { "scan-type": "config", "exit-code": "1" }))[0],
    ).toMatchObject({ kind: "iac-scan", gate: true });
    expect(stepHits(uses("aquasecurity/trivy-action", { "exit-code": "1" }, true))[0]).toMatchObject({
      gate: false,
      note: expect.stringMatching(/continue-on-error/),
    });
  });
  it("shell scanners: thresholds and swallowed failures", () => {
    expect(stepHits(run("npm audit --audit-level=high"))[0]).toMatchObject({
      tool: "npm audit",
      gate: true,
      runIndex: 0,
    });
    expect(stepHits(run("npm audit || true"))[0]?.gate).toBe(false);
    expect(stepHits(run("npm audit signatures"))[0]?.gate).toBe(false);
    expect(stepHits(run("grype dir:. --fail-on high"))[0]?.gate).toBe(true);
    expect(stepHits(run("grype dir:."))[0]?.gate).toBe(false);
    expect(stepHits(run("echo hi\ntrivy image \\\n  --exit-code 1 \\\n  ghcr.io/a/b"))[0]).toMatchObject({
      gate: true,
      runIndex: 1,
    });
    expect(stepHits(run("# trivy image x --exit-code 1"))).toEqual([]);
  });
  it("dependency-review, grype action and reusable OSV workflow", () => {
    expect(stepHits(uses("actions/dependency-review-action"))[0]?.gate).toBe(true);
    expect(stepHits(uses("actions/dependency-review-action", { "warn-only": "true" }))[0]?.gate).toBe(false);
    expect(stepHits(uses("anchore/scan-action", { "fail-build": "false" }))[0]?.gate).toBe(false);
    expect(
      stepHits(uses("google/osv-scanner-action/.github/workflows/osv-scanner-reusable.yml"))[0],
    ).toMatchObject({ tool: "OSV-Scanner", gate: true });
  });
  it("SAST, secret scan, IaC, signing, provenance, SBOM, verify", () => {
    expect(ofKind(stepHits(uses("github/codeql-action/analyze")), "sast")).toHaveLength(1);
    expect(ofKind(stepHits(run("semgrep ci --config auto")), "sast")).toHaveLength(1);
    expect(ofKind(stepHits(uses("trufflesecurity/trufflehog")), "secret-scan")).toHaveLength(1);
    expect(ofKind(stepHits(run("checkov -d infra")), "iac-scan")).toHaveLength(1);
    expect(stepHits(run("cosign sign --yes ghcr.io/a/b@${DIGEST}")).map((h) => h.kind)).toEqual(["signing"]);
    expect(
      stepHits(uses("actions/attest-build-provenance"))
        .map((h) => h.kind)
        .sort(),
    ).toEqual(["provenance", "signing"]);
    expect(stepHits(uses("docker/build-push-action", { push: "true" }))).toEqual([]);
    expect(
      stepHits(uses("docker/build-push-action", { provenance: "mode=max", sbom: "true" })).map((h) => h.kind),
    ).toEqual(["provenance", "sbom"]);
    expect(stepHits(run("npm publish --provenance --access public")).map((h) => h.kind)).toEqual([
      "signing",
      "provenance",
    ]);
    expect(
      ofKind(stepHits(run("gh attestation verify oci://ghcr.io/a/b@sha256:x --owner a")), "verify"),
    ).toHaveLength(1);
    expect(stepHits(uses("pypa/gh-action-pypi-publish", { attestations: "false" }))).toEqual([]);
  });
});

describe("publishHits", () => {
  it("finds image, package and release publication", () => {
    expect(
      publishHits("docker/build-push-action", { push: "${{ github.event_name != 'pull_request' }}" }, []),
    ).toEqual([{ kind: "image", what: "uses docker/build-push-action" }]);
    expect(publishHits("docker/build-push-action", { push: "false" }, [])).toEqual([]);
    expect(publishHits(undefined, {}, logicalLines("npm ci\nnpm publish --access public"))).toEqual([
      { kind: "package", what: "npm publish", runIndex: 1 },
    ]);
    expect(publishHits(undefined, {}, logicalLines("docker build -t x .\ndocker push x"))[0]?.kind).toBe(
      "image",
    );
    expect(publishHits(undefined, {}, logicalLines("npm run build"))).toEqual([]);
  });
});

describe("remoteExecHits", () => {
  it("flags pipes, process substitution and PowerShell iex", () => {
    const s = [
      "curl -fsSL https://get.example.sh | sh",
      "wget -qO- https://x/install | sudo -E bash -",
      "bash <(curl -s https://x)",
      'sh -c "$(curl -fsSL https://x)"',
      "iwr https://x/i.ps1 -useb | iex",
      "curl -sSf https://sh.rustup.rs | sh -s -- -y",
    ].join("\n");
    expect(remoteExecHits(s).map((h) => [h.index, h.kind])).toEqual(
      [0, 1, 2, 3, 4, 5].map((i) => [i, "pipe-to-shell"]),
    );
  });
  it("flags moving-URL downloads unless a checksum is verified; ignores safe uses", () => {
    expect(
      remoteExecHits("curl -L -o /usr/local/bin/kubectl https://dl.k8s.io/release/latest/download/kubectl")[0]
        ?.kind,
    ).toBe("unpinned-download");
    expect(
      remoteExecHits("curl -LO https://github.com/a/b/releases/latest/download/b.tgz\nsha256sum -c b.sha256"),
    ).toEqual([]);
    expect(remoteExecHits("pip install git+https://github.com/a/b.git")[0]?.confidence).toBe("medium");
    expect(remoteExecHits("pip install git+https://github.com/a/b.git@" + "a".repeat(40))).toEqual([]);
    expect(
      remoteExecHits(
        "curl -fsSL https://x/data.json | jq .\ncurl -o x.sh https://x/v1.2/x.sh\n# curl x | sh",
      ),
    ).toEqual([]);
  });
  it("is linear on hostile input", () => {
    // No wall-clock bound here (it flakes under load): a super-linear regression shows up
    // as this test running into Vitest's timeout, and throughput is `npm run bench`'s job.
    remoteExecHits("curl " + "a".repeat(19_000) + "\n" + "curl |".repeat(3000));
    stepHits(run("docker build ".repeat(1500) + "\n" + "trivy image ".repeat(1500)));
    publishHits(undefined, {}, logicalLines("docker build ".repeat(1600)));
  });
});
