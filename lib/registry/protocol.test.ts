import { describe, expect, it } from "vitest";
import { mayReceiveCredentials, parseChallenge } from "./challenge";
import { repositoryOf } from "./collect-registry-facts";
import { nextLink } from "./http";
import { isIndex, parseManifest } from "./manifest";
import { cosignTag, isArtifactTag, referrersTag } from "./media-types";

const D = `sha256:${"e".repeat(64)}`;

describe("parseChallenge", () => {
  it("reads GHCR's bearer challenge", () => {
    expect(
      parseChallenge(
        'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:acme/api:pull"',
      ),
    ).toEqual({
      scheme: "bearer",
      params: { realm: "https://ghcr.io/token", service: "ghcr.io", scope: "repository:acme/api:pull" },
    });
    expect(parseChallenge('Basic realm="Registry Realm"')?.scheme).toBe("basic");
    expect(parseChallenge(null)).toBeNull();
  });

  it("sends credentials only to the registry's own host over https (or loopback) or trusted hosts", () => {
    const ghcr = new URL("https://ghcr.io");
    expect(mayReceiveCredentials(new URL("https://ghcr.io/token"), ghcr)).toBe(true);
    expect(mayReceiveCredentials(new URL("https://evil.example/token"), ghcr)).toBe(false);
    expect(mayReceiveCredentials(new URL("http://ghcr.io/token"), ghcr)).toBe(false);
    expect(
      mayReceiveCredentials(
        new URL("https://auth.docker.io/token"),
        new URL("https://registry-1.docker.io"),
        ["auth.docker.io"],
      ),
    ).toBe(true);
    expect(mayReceiveCredentials(new URL("http://127.0.0.1:9/token"), new URL("http://127.0.0.1:9"))).toBe(
      true,
    );
  });
});

describe("nextLink", () => {
  const base = new URL("https://ghcr.io/v2/acme/api/tags/list?n=2");
  it("follows rel=next on the same origin only", () => {
    expect(nextLink('</v2/acme/api/tags/list?last=b&n=2>; rel="next"', base)?.toString()).toBe(
      "https://ghcr.io/v2/acme/api/tags/list?last=b&n=2",
    );
    expect(nextLink('<https://evil.example/v2/x>; rel="next"', base)).toBeNull();
    expect(nextLink('</a>; rel="prev", </b>; rel="next"', base)?.pathname).toBe("/b");
    expect(nextLink(null, base)).toBeNull();
  });
});

describe("parseManifest", () => {
  it("reads manifests and indexes, taking the media type from Content-Type when the body has none", () => {
    const m = parseManifest(
      Buffer.from(JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: "x", digest: D, size: 1 }] })),
      "application/vnd.oci.image.index.v1+json; charset=utf-8",
    );
    expect(m.ok && m.manifest.mediaType).toBe("application/vnd.oci.image.index.v1+json");
    expect(m.ok && isIndex(m.manifest)).toBe(true);
  });

  it("records malformed JSON and unexpected shapes as reasons", () => {
    expect(parseManifest(Buffer.from("{nope"), null)).toEqual({
      ok: false,
      reason: expect.stringContaining("malformed JSON"),
    });
    expect(
      parseManifest(
        Buffer.from(JSON.stringify({ schemaVersion: 2, layers: [{ digest: "../../etc" }] })),
        null,
      ),
    ).toEqual({ ok: false, reason: expect.stringContaining("layers.0.digest") });
    expect(parseManifest(Buffer.from("[]"), null).ok).toBe(false);
  });
});

describe("names and tags", () => {
  it("maps image names to repositories of the configured registry", () => {
    expect(repositoryOf("ghcr.io/acme/api", "ghcr.io")).toEqual({ repo: "acme/api" });
    expect(repositoryOf("acme/api:v1", "ghcr.io")).toEqual({ repo: "acme/api" });
    expect(repositoryOf(`ghcr.io/acme/api@${D}`, "ghcr.io")).toEqual({ repo: "acme/api" });
    expect(repositoryOf("127.0.0.1:5000/acme/api", "127.0.0.1:5000")).toEqual({ repo: "acme/api" });
    expect(repositoryOf("docker.io/library/nginx", "ghcr.io")).toEqual({
      error: expect.stringContaining("not on the configured registry"),
    });
    expect(repositoryOf("Acme/API", "ghcr.io")).toEqual({
      error: expect.stringContaining("invalid repository name"),
    });
    expect(repositoryOf("acme/../x", "ghcr.io")).toHaveProperty("error");
  });

  it("builds cosign and referrers tags", () => {
    expect(cosignTag(D, "sig")).toBe(`sha256-${"e".repeat(64)}.sig`);
    expect(referrersTag(D)).toBe(`sha256-${"e".repeat(64)}`);
    expect(isArtifactTag(referrersTag(D))).toBe(true);
    expect(isArtifactTag("v1.0.0")).toBe(false);
    expect(() => referrersTag("sha512:abc")).toThrow();
  });
});
