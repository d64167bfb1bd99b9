// Property: connection URLs are validated (SSRF). Metadata and link-local addresses are
// refused always; loopback and private ones outside demo/test mode; every resolved
// address is checked; redirects to refused addresses are not followed.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifyAddress } from "./address-policy";
import { checkOutboundUrl, guardedFetch } from "./outbound-url";

const strict = { allowPrivate: false, lookup: async () => ["140.82.112.6"] };
const demo = { allowPrivate: true, lookup: async () => ["127.0.0.1"] };

describe("outbound URL policy (property: connection URLs are validated)", () => {
  it.each([
    ["http://169.254.169.254/latest/meta-data/", "metadata"],
    ["http://[fd00:ec2::254]/", "metadata"],
    ["http://169.254.10.1/", "link-local"],
    ["http://[fe80::1]/", "link-local"],
    ["http://[::ffff:169.254.169.254]/", "reserved"],
    ["http://[::ffff:127.0.0.1]/", "reserved"],
    ["http://0.0.0.0/", "reserved"],
    ["http://127.0.0.1:3001/", "loopback"],
    ["http://[::1]/", "loopback"],
    ["http://10.1.2.3/", "private"],
    ["http://192.168.1.1/", "private"],
    ["http://172.20.0.1/", "private"],
    ["http://[fd12::1]/", "private"],
  ])("refuses %s outside demo mode (%s)", async (url, reason) => {
    await expect(checkOutboundUrl(url, strict)).rejects.toThrow(new RegExp(reason));
  });

  it("refuses metadata and link-local even in demo mode, but allows loopback there", async () => {
    for (const url of [
      "http://169.254.169.254/",
      "http://metadata.google.internal/",
      "http://[fd00:ec2::254]/",
    ])
      await expect(checkOutboundUrl(url, demo)).rejects.toThrow(/metadata|link-local/);
    await expect(checkOutboundUrl("http://127.0.0.1:3001/", demo)).resolves.toBeInstanceOf(URL);
  });

  it("checks every address a name resolves to", async () => {
    const mixed = { allowPrivate: false, lookup: async () => ["140.82.112.6", "169.254.169.254"] };
    await expect(checkOutboundUrl("https://ghe.example.com/api/v3", mixed)).rejects.toThrow(/metadata/);
    await expect(checkOutboundUrl("https://api.github.com", strict)).resolves.toBeInstanceOf(URL);
    const none = { allowPrivate: false, lookup: async () => [] };
    await expect(checkOutboundUrl("https://nowhere.example", none)).rejects.toThrow(/does not resolve/);
  });

  it("refuses other schemes and credentials in the URL", async () => {
    await expect(checkOutboundUrl("file:///etc/passwd", strict)).rejects.toThrow(/not http/);
    await expect(checkOutboundUrl("https://u:p@api.github.com", strict)).rejects.toThrow(/credentials/);
  });

  it("classifies public addresses as allowed", () => {
    expect(classifyAddress("140.82.112.6", { allowPrivate: false })).toEqual({ ok: true });
    expect(classifyAddress("2606:50c0:8000::154", { allowPrivate: false })).toEqual({ ok: true });
  });
});

describe("guardedFetch redirects", () => {
  let server: Server;
  let base: string;
  const seen: Array<string | undefined> = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.headers.authorization);
      if (req.url === "/to-metadata")
        res.writeHead(302, { location: "http://169.254.169.254/latest/" }).end();
      else if (req.url === "/to-ok") res.writeHead(301, { location: "/ok" }).end();
      else if (req.url === "/loop") res.writeHead(302, { location: "/loop" }).end();
      else res.writeHead(200).end("ok");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const f = guardedFetch({ allowPrivate: true });

  it("refuses a redirect to a metadata address", async () => {
    await expect(f(`${base}/to-metadata`)).rejects.toThrow(/169\.254\.169\.254: metadata/);
  });

  it("follows a redirect to an allowed address, with a bounded number of hops", async () => {
    const res = await f(`${base}/to-ok`, { headers: { authorization: "token x" } });
    expect(await res.text()).toBe("ok");
    expect(seen.slice(-2)).toEqual(["token x", "token x"]); // same origin keeps credentials
    await expect(f(`${base}/loop`)).rejects.toThrow(/too many redirects/);
  });

  it("refuses the first hop too, before connecting", async () => {
    await expect(guardedFetch({ allowPrivate: false })(`${base}/ok`)).rejects.toThrow(/loopback/);
  });
});
