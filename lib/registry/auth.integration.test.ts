import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RegistryClient } from "./client";
import { collectRegistryFacts } from "./collect-registry-facts";
import { pushImage } from "../../testing/registry/oci-push";
import { pushCosignSignature } from "../../testing/registry/push-artifacts";
import { startRegistry, type StartedRegistry } from "../../testing/registry/start-registry";
import { startTokenServer, type TokenServer } from "../../testing/registry/token-server";

// The bearer-token dance GHCR uses, against docker-registry in `auth.token` mode: 401 with a
// `WWW-Authenticate: Bearer realm=…,service=…,scope=…` challenge, a token from the realm
// with basic auth (GitHub token as password), then the retried request.

const PASSWORD = "ghp_readPackagesToken000000000000000000";
let issuer: TokenServer;
let reg: StartedRegistry;
let digest: string;

async function pushToken(name: string): Promise<Record<string, string>> {
  const url = new URL(issuer.realm);
  url.searchParams.set("service", issuer.service);
  url.searchParams.set("scope", `repository:${name}:pull,push`);
  const res = await fetch(url, {
    headers: { authorization: `Basic ${Buffer.from(`gatehouse:${PASSWORD}`).toString("base64")}` },
  });
  return { authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
}

beforeAll(async () => {
  issuer = await startTokenServer({ password: PASSWORD });
  reg = await startRegistry({
    tokenAuth: {
      realm: issuer.realm,
      service: issuer.service,
      issuer: issuer.issuer,
      rootCertPem: issuer.rootCertPem,
    },
  });
  const target = { url: reg.url, name: "acme/private", headers: await pushToken("acme/private") };
  digest = (await pushImage(target, ["latest"])).digest;
  await pushCosignSignature(target, `${reg.host}/acme/private`, digest);
});
afterAll(async () => {
  await reg?.stop();
  await issuer?.stop();
});

describe("bearer token auth", () => {
  it("answers the challenge with basic credentials and reads the image", async () => {
    const before = issuer.seen.length;
    const facts = await collectRegistryFacts({
      registryUrl: reg.url,
      images: ["acme/private"],
      auth: { password: PASSWORD },
    });
    expect(facts.images[0]).toMatchObject({ latestDigest: digest, signed: true, provenance: false });
    const asked = issuer.seen.slice(before);
    expect(asked.length).toBeGreaterThanOrEqual(1);
    // One token per scope, cached across the image's requests (tags, manifest, sig, att, sbom, referrers).
    expect(asked.length).toBeLessThanOrEqual(2);
    expect(asked.every((h) => h === `Basic ${Buffer.from(`gatehouse:${PASSWORD}`).toString("base64")}`)).toBe(
      true,
    );
  });

  it("wrong or missing credentials are unknown (null), never unsigned", async () => {
    for (const auth of [{ password: "wrong" }, undefined]) {
      const facts = await collectRegistryFacts({ registryUrl: reg.url, images: ["acme/private"], auth });
      expect(facts.images[0]).toMatchObject({
        signed: null,
        provenance: null,
        sbom: null,
        latestDigest: null,
      });
      expect(facts.images[0]!.reasons?.[0]).toMatch(
        /unauthorized: token request to http:\/\/127\.0\.0\.1:\d+ answered HTTP 401/,
      );
    }
    await expect(new RegistryClient({ registryUrl: reg.url }).listTags("acme/private")).rejects.toMatchObject(
      { kind: "unauthorized" },
    );
  });

  it("withholds the token from a realm on another host", async () => {
    const other = await startRegistry({
      tokenAuth: {
        realm: issuer.realm.replace("127.0.0.1", "localhost"),
        service: issuer.service,
        issuer: issuer.issuer,
        rootCertPem: issuer.rootCertPem,
      },
    });
    try {
      const before = issuer.seen.length;
      const facts = await collectRegistryFacts({
        registryUrl: other.url,
        images: ["acme/private"],
        auth: { password: PASSWORD },
        timeoutMs: 3000,
      });
      expect(facts.images[0]).toMatchObject({ signed: null });
      expect(
        issuer.seen
          .slice(before)
          .some((h) => h.includes(Buffer.from(`gatehouse:${PASSWORD}`).toString("base64"))),
      ).toBe(false);
      expect(facts.images[0]!.reasons?.[0]).toMatch(
        /credentials withheld from untrusted realm localhost|unreachable/,
      );
    } finally {
      await other.stop();
    }
  });
});
