import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RegistryClient } from "./client";
import { collectRegistryFacts } from "./collect-registry-facts";
import { RegistryError } from "./errors";
import { MT, referrersTag } from "./media-types";
import { pushImage, pushIndex, type PushTarget } from "../../testing/registry/oci-push";
import { pushCosignSignature, pushReferrer, SLSA_V1 } from "../../testing/registry/push-artifacts";
import { startRegistryProxy, type RegistryProxy } from "../../testing/registry/registry-proxy";
import { startRegistry, type StartedRegistry } from "../../testing/registry/start-registry";

// The client against the real registry, and through a loopback front that paginates like
// GHCR and answers with what a registry refuses to store (oversized, malformed, hanging).

let reg: StartedRegistry;
let proxy: RegistryProxy;
const at = (name: string): PushTarget => ({ url: reg.url, name });

beforeAll(async () => {
  reg = await startRegistry();
  proxy = await startRegistryProxy(reg.url, { tagsPageSize: 7 });
});
afterAll(async () => {
  await proxy?.stop();
  await reg?.stop();
});

describe("RegistryClient", () => {
  it("resolves a tag to the digest of exactly the bytes served, and an index to the index digest", async () => {
    const amd = await pushImage(at("acme/multi"), [], { platform: { architecture: "amd64", os: "linux" } });
    const arm = await pushImage(at("acme/multi"), [], { platform: { architecture: "arm64", os: "linux" } });
    const index = await pushIndex(at("acme/multi"), ["v1"], [amd.descriptor, arm.descriptor]);
    const client = new RegistryClient({ registryUrl: reg.url });
    const got = await client.getManifest("acme/multi", "v1");
    expect(got.digest).toBe(index.digest);
    expect(got.manifest.manifests.map((m) => m.platform?.architecture)).toEqual(["amd64", "arm64"]);
    expect((await client.getManifest("acme/multi", amd.digest)).manifest.layers).toHaveLength(1);
    await expect(client.getManifest("acme/multi", "v2")).rejects.toMatchObject({
      kind: "not_found",
      status: 404,
    });
  });

  it("lists 250 tags from the real registry and follows Link pagination like GHCR's", async () => {
    const img = await pushImage(at("acme/tags"), ["latest"]);
    const raw = new Uint8Array(
      await (
        await fetch(`${reg.url}/v2/acme/tags/manifests/latest`, { headers: { accept: MT.ociManifest } })
      ).arrayBuffer(),
    );
    for (let i = 0; i < 249; i++) {
      const res = await fetch(`${reg.url}/v2/acme/tags/manifests/t${String(i).padStart(3, "0")}`, {
        method: "PUT",
        headers: { "content-type": MT.ociManifest },
        body: raw,
      });
      expect(res.status).toBe(201);
    }
    const direct = await new RegistryClient({ registryUrl: reg.url }).listTags("acme/tags");
    expect(direct).toMatchObject({ truncated: false });
    expect(direct.tags).toHaveLength(250);

    const paged = await new RegistryClient({ registryUrl: proxy.url }).listTags("acme/tags");
    expect(paged.tags).toEqual([...direct.tags].sort());
    const bounded = await new RegistryClient({ registryUrl: proxy.url, maxTags: 20 }).listTags("acme/tags");
    expect(bounded).toEqual({ tags: [...direct.tags].sort().slice(0, 20), truncated: true });
    const facts = await collectRegistryFacts({ registryUrl: proxy.url, images: ["acme/tags"], maxTags: 20 });
    expect(facts.images[0]!.reasons?.join()).toContain("tag list truncated");
    expect(img.digest).toMatch(/^sha256:/);
  });

  it("uses the referrers API when a registry has one, the tag schema otherwise", async () => {
    const img = await pushImage(at("acme/refs"), ["latest"]);
    await pushReferrer(at("acme/refs"), img.descriptor, { artifactType: MT.notarySignature });
    const viaTags = await new RegistryClient({ registryUrl: reg.url }).referrers("acme/refs", img.digest);
    expect(viaTags.via).toBe("tag-schema");
    expect(viaTags.descriptors.map((d) => d.artifactType)).toEqual([MT.notarySignature]);
    expect(
      (await new RegistryClient({ registryUrl: reg.url }).referrers("acme/refs", `sha256:${"1".repeat(64)}`))
        .descriptors,
    ).toEqual([]);

    const api = {
      schemaVersion: 2,
      mediaType: MT.ociIndex,
      manifests: [
        {
          mediaType: MT.ociManifest,
          digest: `sha256:${"2".repeat(64)}`,
          size: 10,
          artifactType: "application/vnd.dev.sigstore.bundle.v0.3+json",
          annotations: { "dev.sigstore.bundle.predicateType": SLSA_V1 },
        },
      ],
    };
    proxy.setRules([
      {
        path: /\/referrers\//,
        answer: { status: 200, headers: { "content-type": MT.ociIndex }, body: JSON.stringify(api) },
      },
    ]);
    try {
      const viaApi = await new RegistryClient({ registryUrl: proxy.url }).referrers("acme/refs", img.digest);
      expect(viaApi).toMatchObject({
        via: "api",
        descriptors: [{ artifactType: "application/vnd.dev.sigstore.bundle.v0.3+json" }],
      });
      const facts = await collectRegistryFacts({ registryUrl: proxy.url, images: ["acme/refs"] });
      expect(facts.images[0]).toMatchObject({ provenance: true, signed: false });
      expect(facts.images[0]!.evidence?.provenance?.[0]).toContain("referrers API");
    } finally {
      proxy.setRules([]);
    }
  });
  it("falls back to the tag schema when the referrers route redirects (GHCR) and ignores a tag that resolves to the subject (GitLab)", async () => {
    const img = await pushImage(at("acme/quirks"), ["latest"]);
    await pushReferrer(at("acme/quirks"), img.descriptor, { artifactType: MT.notarySignature });
    proxy.setRules([
      {
        path: /\/referrers\//,
        answer: {
          status: 303,
          headers: { location: "http://127.0.0.1:9/-/v2/packages/container/package/x" },
        },
      },
    ]);
    try {
      expect(
        await new RegistryClient({ registryUrl: proxy.url }).referrers("acme/quirks", img.digest),
      ).toMatchObject({ via: "tag-schema", descriptors: [{ artifactType: MT.notarySignature }] });
      expect(
        (await collectRegistryFacts({ registryUrl: proxy.url, images: ["acme/quirks"] })).images[0],
      ).toMatchObject({ signed: true });

      const amd = await pushImage(at("acme/quirks"), [], {
        platform: { architecture: "amd64", os: "linux" },
      });
      const index = await pushIndex(at("acme/quirks"), ["multi"], [amd.descriptor]);
      const subject = await (
        await fetch(`${reg.url}/v2/acme/quirks/manifests/${index.digest}`, {
          headers: { accept: MT.ociIndex },
        })
      ).text();
      proxy.setRules([
        {
          path: new RegExp(`/manifests/${referrersTag(index.digest)}$`),
          answer: { status: 200, headers: { "content-type": MT.ociIndex }, body: subject },
        },
      ]);
      expect(
        await new RegistryClient({ registryUrl: proxy.url }).referrers("acme/quirks", index.digest),
      ).toEqual({ via: "tag-schema", descriptors: [] });
    } finally {
      proxy.setRules([]);
    }
  });
});

describe("hostile answers", () => {
  it("stops reading a manifest at the bound, whether declared or streamed, and records it", async () => {
    const img = await pushImage(at("acme/huge"), ["latest"]);
    await pushCosignSignature(at("acme/huge"), "acme/huge", img.digest);
    const total = 64 * 1024 * 1024;
    proxy.setRules([
      {
        path: /\/manifests\/sha256-[0-9a-f]{64}\.sig$/,
        answer: { status: 200, headers: { "content-type": MT.ociManifest }, streamBytes: total },
      },
    ]);
    try {
      const facts = (
        await collectRegistryFacts({
          registryUrl: proxy.url,
          images: ["acme/huge"],
          maxManifestBytes: 1024 * 1024,
        })
      ).images[0]!;
      expect(facts).toMatchObject({ latestDigest: img.digest, signed: null, provenance: false });
      expect(facts.reasons?.join()).toMatch(
        /too_large: manifest acme\/huge:sha256-[0-9a-f]{64}\.sig: body exceeds the 1048576-byte bound/,
      );
      expect(proxy.streamed[0]).toBeLessThan(total / 4);

      proxy.setRules([
        {
          path: /\/manifests\/latest$/,
          answer: {
            status: 200,
            headers: { "content-type": MT.ociManifest, "content-length": String(50 * 1024 * 1024) },
            body: "",
          },
        },
      ]);
      await expect(
        new RegistryClient({ registryUrl: proxy.url }).getManifest("acme/huge", "latest"),
      ).rejects.toMatchObject({ kind: "too_large" });
    } finally {
      proxy.setRules([]);
    }
  });

  it("records malformed JSON, a wrong shape and a digest that does not match the bytes", async () => {
    const img = await pushImage(at("acme/malformed"), ["latest"]);
    const sig = new RegExp(`/manifests/${referrersTag(img.digest)}\\.sig$`);
    const att = new RegExp(`/manifests/${referrersTag(img.digest)}\\.att$`);
    proxy.setRules([
      {
        path: sig,
        answer: {
          status: 200,
          headers: { "content-type": MT.ociManifest },
          body: '{"schemaVersion": 2, "layers": [',
        },
      },
      {
        path: att,
        answer: {
          status: 200,
          headers: { "content-type": MT.ociManifest },
          body: JSON.stringify({ schemaVersion: 2, layers: "all of them" }),
        },
      },
    ]);
    try {
      const facts = (await collectRegistryFacts({ registryUrl: proxy.url, images: ["acme/malformed"] }))
        .images[0]!;
      expect(facts).toMatchObject({ signed: null, provenance: null, sbom: null, latestDigest: img.digest });
      expect(facts.reasons).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/\.sig: malformed: .*malformed JSON/),
          expect.stringMatching(/\.att: malformed: .*unexpected manifest shape \(layers/),
        ]),
      );

      proxy.setRules([
        {
          path: new RegExp(`/manifests/${img.digest}$`),
          answer: {
            status: 200,
            headers: { "content-type": MT.ociManifest },
            body: JSON.stringify({ schemaVersion: 2, layers: [] }),
          },
        },
      ]);
      await expect(
        new RegistryClient({ registryUrl: proxy.url }).getManifest("acme/malformed", img.digest),
      ).rejects.toMatchObject({ kind: "malformed", message: expect.stringContaining("does not match") });
    } finally {
      proxy.setRules([]);
    }
  });

  it("a hanging registry times out into unknown; a 5xx is unreachable", async () => {
    await pushImage(at("acme/slow"), ["latest"]);
    proxy.setRules([{ path: /\/tags\/list$/, answer: "hang" }]);
    try {
      const facts = (
        await collectRegistryFacts({ registryUrl: proxy.url, images: ["acme/slow"], timeoutMs: 500 })
      ).images[0]!;
      // The reason names the timeout: the client gave up rather than waiting on the hang.
      expect(facts).toMatchObject({ signed: null, provenance: null, sbom: null });
      expect(facts.reasons?.[0]).toContain("unreachable: tags of acme/slow: timed out");

      proxy.setRules([{ path: /\/tags\/list$/, answer: { status: 503, body: "maintenance" } }]);
      await expect(new RegistryClient({ registryUrl: proxy.url }).listTags("acme/slow")).rejects.toEqual(
        new RegistryError("unreachable", "tags of acme/slow: HTTP 503 maintenance", 503),
      );
    } finally {
      proxy.setRules([]);
    }
  });
});
