import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runChecksAsync } from "../run-checks";
import { ctx } from "../wf/test-kit";
import { noProvenance, noSbom, unsignedArtifacts } from "./artifacts";
import { noDeployVerification } from "./deploy-verification";
import { hardcodedCredential } from "./hardcoded-credential";
import { privilegedBuild } from "./privileged-build";
import { fixtureFacts, inlineFacts } from "./test-kit";

const k8s = (name: string) => readFileSync(path.join(__dirname, "__fixtures__", name), "utf8");
const wf = (jobs: string) => `on: push\njobs:\n${jobs}`;
const image = {
  name: "ghcr.io/acme/api",
  latestDigest: "sha256:" + "c".repeat(64),
  tags: ["1.0.0"],
  signed: true,
  provenance: true,
  sbom: false,
};

describe("privileged-build", () => {
  it("flags privileged/docker.sock in k8s, job container options and docker run", () => {
    const facts = inlineFacts({
      "k8s/risky.yaml": k8s("k8s-risky.yaml"),
      ".github/workflows/ci.yml": wf(
        "  b:\n    runs-on: ubuntu-latest\n    container:\n      image: x@sha256:" +
          "d".repeat(64) +
          "\n      options: --privileged\n    steps:\n      - run: docker run -v /var/run/docker.sock:/var/run/docker.sock img\n",
      ),
    });
    const o = privilegedBuild.run(facts, ctx);
    expect(o.status).toBe("fail");
    const msgs = o.findings.map((f) => f.message);
    expect(msgs).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/container runs with --privileged/),
        expect.stringMatching(/mounts the Docker socket/),
        expect.stringMatching(/DaemonSet builder mounts \/var\/run\/docker.sock/),
        expect.stringMatching(/container dind is privileged/),
        expect.stringMatching(
          /CronJob nightly container job does not set runAsNonRoot: true \(explicitly false\)/,
        ),
      ]),
    );
    expect(
      o.findings.find((f) => /init does not set allowPrivilegeEscalation/.test(f.message))?.severity,
    ).toBe("medium");
  });
  it("passes a hardened Deployment and scorecard's workflows", () => {
    expect(privilegedBuild.run(inlineFacts({ "k8s/api.yaml": k8s("k8s-hardened.yaml") }), ctx).status).toBe(
      "pass",
    );
    expect(privilegedBuild.run(fixtureFacts("ossf__scorecard"), ctx).status).toBe("pass");
  });
});

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

describe("no-deploy-verification", () => {
  const deploy = wf(
    "  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: kubectl apply -f k8s/\n",
  );
  it("fails a deploy job that verifies nothing", () => {
    const o = noDeployVerification.run(inlineFacts({ ".github/workflows/deploy.yml": deploy }), ctx);
    expect(o).toMatchObject({ status: "fail", findings: [{ evidence: { line: 7 } }] });
    expect(o.findings[0]?.remediation).toContain(
      "gh attestation verify oci://<image>@<digest> --repo acme/api",
    );
  });
  it("passes with cosign verify in the job, or with a Kyverno verifyImages policy in the repo", () => {
    const verified = deploy.replace(
      "      - run: kubectl",
      "      - run: cosign verify --certificate-identity-regexp x ghcr.io/acme/api@sha256:x\n      - run: kubectl",
    );
    expect(
      noDeployVerification.run(inlineFacts({ ".github/workflows/deploy.yml": verified }), ctx).status,
    ).toBe("pass");
    const withPolicy = noDeployVerification.run(
      inlineFacts({
        ".github/workflows/deploy.yml": deploy,
        "policies/verify.yaml": k8s("k8s-policies.yaml"),
      }),
      ctx,
    );
    expect(withPolicy).toMatchObject({
      status: "pass",
      evidence: [{ file: "policies/verify.yaml", line: 1 }, { file: "policies/verify.yaml" }],
    });
  });
  it("is not-applicable without deploy jobs", () => {
    expect(noDeployVerification.run(fixtureFacts("ossf__scorecard"), ctx).status).toBe("not-applicable");
  });
});

describe("hardcoded-credential", () => {
  const TOKEN = ["ghp", "_", "1234567890abcdefghij", "ABCDEFGHIJ123456"].join("");
  it("finds a literal registry password and a secretlint hit through prepare, masked", async () => {
    const facts = inlineFacts({
      ".github/workflows/ci.yml": wf(
        "  b:\n    runs-on: ubuntu-latest\n    container:\n      image: ghcr.io/acme/ci:1\n      credentials:\n        username: bot\n        password: hunter2hunter2\n    steps:\n      - run: make\n",
      ),
      "config/deploy.yml": `github_token: ${TOKEN}\n`,
    });
    await hardcodedCredential.prepare?.(facts);
    const o = hardcodedCredential.run(facts, ctx);
    expect(o.status).toBe("fail");
    expect(
      o.findings.map(
        (f) => f.evidence.kind === "file" && [f.evidence.file, f.evidence.line, f.evidence.snippet],
      ),
    ).toEqual([
      [".github/workflows/ci.yml", 9, "password: hunt****"],
      ["config/deploy.yml", 1, "github_token: ghp_****"],
    ]);
    expect(JSON.stringify(o)).not.toContain("hunter2hunter2");
    expect(JSON.stringify(o)).not.toContain(TOKEN);
  });
  it("passes scorecard (secrets via ${{ secrets }}); is unknown when prepare did not run", async () => {
    const facts = fixtureFacts("ossf__scorecard");
    expect(hardcodedCredential.run(facts, ctx).status).toBe("unknown");
    const [result] = await runChecksAsync(facts, ctx, { checks: [hardcodedCredential] });
    expect(result?.status).toBe("pass");
  });
});

describe("hardcoded-credential on truncated files", () => {
  it("never passes on a file GitHub cut", async () => {
    const facts = inlineFacts({ "config/app.yml": "a: b\n" });
    facts.files[0]!.truncated = true;
    await hardcodedCredential.prepare?.(facts);
    expect(hardcodedCredential.run(facts, ctx)).toMatchObject({
      status: "unknown",
      reason: expect.stringMatching(/truncated/),
    });
  });
});
