import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Octokit } from "octokit";
import { startSimulator, type Simulator } from "@/simulator";
import { collectRegistryFacts } from "./collect-registry-facts";
import { githubAttestationSource } from "./github-attestations";
import { containerPackagesOf, ghcrImage } from "./github-packages";
import { MT } from "./media-types";
import { pushImage, pushIndex, type PushTarget } from "../../testing/registry/oci-push";
import {
  buildxAttestationManifest,
  CYCLONEDX,
  pushCosignAttestations,
  pushCosignSbom,
  pushCosignSignature,
  pushReferrer,
  SLSA_V1,
  SPDX,
} from "../../testing/registry/push-artifacts";
import { startRegistryProxy } from "../../testing/registry/registry-proxy";
import { startRegistry, type StartedRegistry } from "../../testing/registry/start-registry";

// End to end against Debian's docker-registry 2.8: content pushed over the distribution
// API the way cosign/buildx/oras push it, then read back by collectRegistryFacts.

let reg: StartedRegistry;
const at = (name: string): PushTarget => ({ url: reg.url, name });
const one = async (name: string, extra: Partial<Parameters<typeof collectRegistryFacts>[0]> = {}) => {
  const facts = await collectRegistryFacts({
    registryUrl: reg.url,
    images: [`${reg.host}/${name}`],
    ...extra,
  });
  return facts.images[0]!;
};

beforeAll(async () => {
  reg = await startRegistry();
});
afterAll(async () => {
  await reg?.stop();
});

describe("collectRegistryFacts against a real registry", () => {
  it("an unsigned image without attestations is false, not unknown", async () => {
    const img = await pushImage(at("acme/unsigned"), ["latest", "v1.0.0"]);
    expect(await one("acme/unsigned")).toEqual({
      name: `${reg.host}/acme/unsigned`,
      latestDigest: img.digest,
      latestTag: "latest",
      tags: ["latest", "v1.0.0"],
      signed: false,
      provenance: false,
      sbom: false,
    });
  });

  it("a cosign signature tag makes the latest digest signed", async () => {
    const img = await pushImage(at("acme/signed"), ["v1.2.0", "v1.10.0"], { seed: "new" });
    await pushCosignSignature(at("acme/signed"), `${reg.host}/acme/signed`, img.digest);
    const facts = await one("acme/signed");
    expect(facts).toMatchObject({
      latestTag: "v1.10.0",
      latestDigest: img.digest,
      signed: true,
      provenance: false,
      sbom: false,
    });
    expect(facts.evidence?.signed?.[0]).toMatch(/^tag sha256-[0-9a-f]{64}\.sig: cosign signature$/);
    expect(facts.tags).toEqual(["v1.10.0", "v1.2.0"]);
  });

  it("a signature on an older digest does not count for the latest one", async () => {
    const old = await pushImage(at("acme/moved"), ["latest"], { seed: "old" });
    await pushCosignSignature(at("acme/moved"), "x", old.digest);
    const fresh = await pushImage(at("acme/moved"), ["latest"], { seed: "fresh" });
    expect(await one("acme/moved")).toMatchObject({ latestDigest: fresh.digest, signed: false });
  });

  it("provenance and SBOM from cosign attestations (.att)", async () => {
    const img = await pushImage(at("acme/attested"), ["latest"]);
    await pushCosignAttestations(at("acme/attested"), img.digest, [SLSA_V1, SPDX]);
    const facts = await one("acme/attested");
    expect(facts).toMatchObject({ signed: false, provenance: true, sbom: true });
    expect(facts.evidence?.provenance?.[0]).toContain(SLSA_V1);
  });

  it("provenance and SBOM from OCI 1.1 referrers via the referrers tag schema", async () => {
    const img = await pushImage(at("acme/referred"), ["latest"]);
    await pushReferrer(at("acme/referred"), img.descriptor, {
      artifactType: "application/vnd.dev.sigstore.bundle.v0.3+json",
      annotations: {
        "dev.sigstore.bundle.content": "dsse-envelope",
        "dev.sigstore.bundle.predicateType": SLSA_V1,
      },
    });
    // No annotations on the descriptor: the referrer manifest itself must be read.
    await pushReferrer(at("acme/referred"), img.descriptor, {
      artifactType: MT.inToto,
      layerMediaType: MT.inToto,
      layerAnnotations: { "in-toto.io/predicate-type": CYCLONEDX },
    });
    const facts = await one("acme/referred");
    expect(facts).toMatchObject({ signed: false, provenance: true, sbom: true });
    expect(facts.evidence?.provenance?.[0]).toContain("referrers tag schema");
  });

  it("a sigstore signature bundle referrer and a cosign .sbom tag", async () => {
    const img = await pushImage(at("acme/bundled"), ["latest"]);
    await pushReferrer(at("acme/bundled"), img.descriptor, {
      artifactType: "application/vnd.dev.sigstore.bundle.v0.3+json",
      annotations: { "dev.sigstore.bundle.content": "message-signature" },
    });
    await pushCosignSbom(at("acme/bundled"), img.digest);
    expect(await one("acme/bundled")).toMatchObject({ signed: true, provenance: false, sbom: true });
  });

  it("a multi-arch index: the index digest is the image digest; buildx attestations inside it count", async () => {
    const t = at("acme/multi");
    const amd = await pushImage(t, [], { platform: { architecture: "amd64", os: "linux" } });
    const arm = await pushImage(t, [], { platform: { architecture: "arm64", os: "linux" } });
    const att = await buildxAttestationManifest(t, amd.descriptor, [SLSA_V1, SPDX]);
    const index = await pushIndex(t, ["latest"], [amd.descriptor, arm.descriptor, att]);
    await pushCosignSignature(t, `${reg.host}/acme/multi`, index.digest);
    const facts = await one("acme/multi");
    expect(facts).toMatchObject({ latestDigest: index.digest, signed: true, provenance: true, sbom: true });
    expect(facts.evidence?.provenance?.[0]).toContain("buildx attestation");

    const only = await pushImage(at("acme/dockerlist"), [], {
      platform: { architecture: "amd64", os: "linux" },
    });
    const list = await pushIndex(at("acme/dockerlist"), ["latest"], [only.descriptor], MT.dockerManifestList);
    expect(await one("acme/dockerlist")).toMatchObject({ latestDigest: list.digest, signed: false });
  });

  it("a missing repository or an ambiguous tag set is unknown, not unsigned", async () => {
    const missing = await one("acme/nothing-here");
    expect(missing).toMatchObject({
      latestDigest: null,
      signed: null,
      provenance: null,
      sbom: null,
      tags: [],
    });
    expect(missing.reasons?.[0]).toContain("not found");

    await pushImage(at("acme/branches"), ["main", "dev"]);
    const ambiguous = await one("acme/branches");
    expect(ambiguous).toMatchObject({ latestDigest: null, signed: null, tags: ["dev", "main"] });
    expect(ambiguous.reasons?.join()).toContain("cannot tell which of 2 tags");
  });

  it("package versions order tags but never override what the registry serves", async () => {
    await pushImage(at("acme/gone"), ["v1.0.0"]);
    const facts = await collectRegistryFacts({
      registryUrl: reg.url,
      images: [
        {
          name: `${reg.host}/acme/gone`,
          versions: [
            { digest: `sha256:${"0".repeat(64)}`, tags: ["v2.0.0"], createdAt: "2024-01-01T00:00:00Z" },
          ],
        },
      ],
    });
    expect(facts.images[0]).toMatchObject({ latestTag: "v1.0.0", signed: false });
    // Package versions order ambiguous tags; the registry stays authoritative for the tag's digest.
    const main = await pushImage(at("acme/ordered"), ["main", "dev"], { seed: "ordered" });
    const ordered = await collectRegistryFacts({
      registryUrl: reg.url,
      images: [
        {
          name: "acme/ordered",
          versions: [
            { digest: `sha256:${"0".repeat(64)}`, tags: ["main"], createdAt: "2024-01-01T00:00:00Z" },
          ],
        },
      ],
    });
    expect(ordered.images[0]).toMatchObject({ latestTag: "main", latestDigest: main.digest, signed: false });
  });

  it("a 404 for an image GitHub says exists (GHCR's answer to an unauthorised read) is unknown, not unsigned", async () => {
    const versions = [
      { digest: `sha256:${"9".repeat(64)}`, tags: ["latest"], createdAt: "2024-01-01T00:00:00Z" },
    ];
    const facts = (
      await collectRegistryFacts({ registryUrl: reg.url, images: [{ name: "acme/hidden", versions }] })
    ).images[0]!;
    expect(facts).toMatchObject({
      latestDigest: versions[0]!.digest,
      latestTag: "latest",
      signed: null,
      provenance: null,
      sbom: null,
    });
    expect(facts.reasons).toEqual(
      expect.arrayContaining([
        "repository acme/hidden not found in the registry",
        expect.stringContaining("image manifest not readable"),
      ]),
    );
  });

  it("a registry that is down yields unknown (null), never false", async () => {
    const down = await startRegistry();
    const url = down.url;
    await down.stop();
    const facts = await collectRegistryFacts({ registryUrl: url, images: ["acme/api"], timeoutMs: 2000 });
    expect(facts.images[0]).toMatchObject({ signed: null, provenance: null, sbom: null, latestDigest: null });
    expect(facts.images[0]!.reasons?.[0]).toMatch(/unreachable/);
  });

  it("inspects many images with bounded concurrency and keeps their order", async () => {
    const names = Array.from({ length: 12 }, (_, i) => `acme/many-${i}`);
    for (const [i, n] of names.entries()) {
      const img = await pushImage(at(n), ["latest"], { seed: n });
      if (i % 3 === 0) await pushCosignSignature(at(n), n, img.digest);
    }
    const proxy = await startRegistryProxy(reg.url);
    try {
      for (const concurrency of [1, 3]) {
        proxy.resetPeak();
        const facts = await collectRegistryFacts({
          registryUrl: proxy.url,
          images: [...names, "docker.io/library/nginx"],
          concurrency,
        });
        expect(facts.images.map((f) => f.name)).toEqual([
          ...names.map((n) => `${proxy.host}/${n}`),
          "docker.io/library/nginx",
        ]);
        expect(facts.images.map((f) => f.signed)).toEqual([...names.map((_, i) => i % 3 === 0), null]);
        // At most 4 evidence lookups run in parallel per single-platform image.
        expect(proxy.peakInFlight()).toBeLessThanOrEqual(4 * concurrency);
      }
    } finally {
      await proxy.stop();
    }
  });
});

describe("GitHub attestations as a second source (simulator over HTTP)", () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ fixture: "fixtures/orgs/tiny" });
  });
  afterAll(async () => {
    await sim?.close();
  });

  it("provenance and SBOM from the attestations API; 404 is none; no rights is unknown", async () => {
    const t = at("tiny-org/api");
    const img = await pushImage(t, ["latest"], { seed: "gh" });
    const repo = sim.fixture.repos.find((r) => r.name === "api")!;
    repo.config.attestations.push(
      { digest: img.digest, predicateType: SLSA_V1 },
      { digest: img.digest, predicateType: "https://spdx.dev/Document/v2.3" },
    );
    const octokit = new Octokit({ auth: "ghp_tinytoken0000000000000000000000000000", baseUrl: sim.url });
    const facts = await one("tiny-org/api", {
      attestations: githubAttestationSource(octokit, "tiny-org", "api"),
    });
    expect(facts).toMatchObject({ signed: true, provenance: true, sbom: true });
    expect(facts.evidence?.provenance).toEqual([`GitHub attestation: ${SLSA_V1}`]);

    const other = await pushImage(at("tiny-org/web"), ["latest"], { seed: "web" });
    expect(other.digest).not.toBe(img.digest);
    expect(
      await one("tiny-org/web", { attestations: githubAttestationSource(octokit, "tiny-org", "api") }),
    ).toMatchObject({ signed: false, provenance: false, sbom: false });

    const anonymous = new Octokit({ baseUrl: sim.url, request: { retries: 0 } });
    const unknown = await one("tiny-org/web", {
      attestations: githubAttestationSource(anonymous, "tiny-org", "api"),
    });
    expect(unknown).toMatchObject({ signed: null, provenance: null, sbom: null });
    expect(unknown.reasons?.join()).toContain("GitHub attestations: attestations API: permission");
  });

  it("the way sync wires it: org container packages → images with versions → facts", async () => {
    const t = at("tiny-org/svc");
    await pushImage(t, ["v1.0.0"], { seed: "svc-old" });
    const current = await pushImage(t, ["v1.1.0"], { seed: "svc-new" });
    await pushCosignAttestations(t, current.digest, [SLSA_V1]);
    const repo = sim.fixture.repos.find((r) => r.name === "api")!;
    repo.config.packages.push({
      name: "svc",
      packageType: "container",
      visibility: "private",
      createdAt: "2024-01-01T00:00:00Z",
      versions: [{ name: current.digest, tags: ["v1.1.0"], createdAt: "2024-02-01T00:00:00Z" }],
    });
    const octokit = new Octokit({ auth: "ghp_tinytoken0000000000000000000000000000", baseUrl: sim.url });

    const packages = (
      await octokit.request("GET /orgs/{org}/packages", {
        org: "tiny-org",
        package_type: "container",
        per_page: 100,
      })
    ).data as unknown[];
    const images = await Promise.all(
      containerPackagesOf(packages, "tiny-org/api").map(async (pkg) => {
        const versions = (
          await octokit.request("GET /orgs/{org}/packages/{package_type}/{package_name}/versions", {
            org: "tiny-org",
            package_type: "container",
            package_name: pkg,
            per_page: 100,
          })
        ).data as unknown[];
        return ghcrImage("tiny-org", pkg, versions, reg.host);
      }),
    );
    const facts = await collectRegistryFacts({
      registryUrl: reg.url,
      images,
      attestations: githubAttestationSource(octokit, "tiny-org", "api"),
    });
    expect(facts.images.map((i) => i.name)).toEqual([`${reg.host}/tiny-org/api`, `${reg.host}/tiny-org/svc`]);
    expect(facts.images[1]).toMatchObject({
      latestTag: "v1.1.0",
      latestDigest: current.digest,
      provenance: true,
      signed: false,
      sbom: false,
    });
  });

  it("with the registry down, GitHub package versions still give the digest and attestations still count", async () => {
    const digest = `sha256:${"7".repeat(64)}`;
    sim.fixture.repos
      .find((r) => r.name === "api")!
      .config.attestations.push({ digest, predicateType: SLSA_V1 });
    const octokit = new Octokit({ auth: "ghp_tinytoken0000000000000000000000000000", baseUrl: sim.url });
    const down = await startRegistry();
    await down.stop();
    const image = ghcrImage(
      "tiny-org",
      "api",
      [{ name: digest, created_at: "2024-01-01T00:00:00Z", metadata: { container: { tags: ["latest"] } } }],
      down.host,
    );
    const facts = await collectRegistryFacts({
      registryUrl: down.url,
      images: [image],
      attestations: githubAttestationSource(octokit, "tiny-org", "api"),
      timeoutMs: 2000,
    });
    expect(facts.images[0]).toMatchObject({
      latestDigest: digest,
      latestTag: "latest",
      provenance: true,
      signed: true,
      sbom: null,
    });
  });
});
