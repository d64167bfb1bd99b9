import http from "node:http";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sanitiseForwardedHeaders, trustedProxies } from "./forwarded-headers";
import { installForwardedGuard } from "./install-forwarded-guard";

describe("forwarded headers are believed only from trusted proxies", () => {
  it("from an untrusted peer every forwarding header is dropped", () => {
    const h: Record<string, string | undefined> = {
      "x-forwarded-for": "6.6.6.6",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      "x-real-ip": "6.6.6.6",
      forwarded: "for=6.6.6.6",
      host: "gatehouse.example",
    };
    sanitiseForwardedHeaders(h, "203.0.113.50", trustedProxies(["10.0.0.0/8"]));
    expect(h).toEqual({ host: "gatehouse.example" });
  });

  it("with no proxies configured nobody is trusted, loopback included", () => {
    const h: Record<string, string> = { "x-forwarded-for": "6.6.6.6" };
    sanitiseForwardedHeaders(h, "127.0.0.1", trustedProxies([]));
    expect(h["x-forwarded-for"]).toBeUndefined();
  });

  it("through trusted proxies the client is the nearest untrusted hop, spoofed left hops ignored", () => {
    const trusted = trustedProxies(["10.0.0.0/8", "192.0.2.7"]);
    const h: Record<string, string> = {
      "x-forwarded-for": "6.6.6.6, 198.51.100.23, 10.1.2.3",
      "x-forwarded-host": "gatehouse.example",
    };
    sanitiseForwardedHeaders(h, "::ffff:192.0.2.7", trusted);
    expect(h).toEqual({ "x-forwarded-for": "198.51.100.23", "x-forwarded-host": "gatehouse.example" });
  });

  it("refuses a malformed GATEHOUSE_TRUSTED_PROXIES entry", () => {
    expect(() => trustedProxies(["not-an-ip"])).toThrow(/GATEHOUSE_TRUSTED_PROXIES/);
  });
});

describe("the guard on the real HTTP server", () => {
  let server: http.Server;
  let url: string;
  const seen: http.IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    installForwardedGuard(["192.0.2.0/24"]);
    server = http.createServer((req, res) => {
      seen.push({ ...req.headers });
      res.end("ok");
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  });
  afterAll(() => server.close());

  it("strips X-Forwarded-For/-Host sent straight from a client before any handler sees them", async () => {
    await fetch(url, { headers: { "x-forwarded-for": "6.6.6.6", "x-forwarded-host": "evil.example" } });
    const h = seen.at(-1)!;
    expect(h["x-forwarded-for"]).toBeUndefined();
    expect(h["x-forwarded-host"]).toBeUndefined();
    expect(h.host).toMatch(/^127\.0\.0\.1:\d+$/);
  });
});
