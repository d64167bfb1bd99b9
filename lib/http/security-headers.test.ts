import { describe, expect, it } from "vitest";
import type { NextConfig } from "next";
// @ts-expect-error -- next.config.js is plain JS (checked with @ts-check), without declarations
import nextConfigJs from "../../next.config.js";
import {
  contentSecurityPolicy,
  newNonce,
  securityHeaders,
  STATIC_SECURITY_HEADERS,
} from "./security-headers";

const directives = (csp: string) =>
  Object.fromEntries(
    csp.split(";").map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );

const nextConfig = nextConfigJs as NextConfig;

describe("security headers", () => {
  it("production CSP: per-request nonce, no unsafe-inline/unsafe-eval, object-src/base-uri/frame-ancestors none", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "abc123", dev: false }));
    expect(csp["script-src"]).toContain("'nonce-abc123'");
    expect(csp["style-src"]).toContain("'nonce-abc123'");
    expect(JSON.stringify(csp)).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp["object-src"]).toEqual(["'none'"]);
    expect(csp["base-uri"]).toEqual(["'none'"]);
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(csp["default-src"]).toEqual(["'self'"]);
  });

  it("HSTS only under https; nosniff, Referrer-Policy, Permissions-Policy and no-store always", () => {
    const http = securityHeaders({ nonce: "n", https: false, dev: false });
    const https = securityHeaders({ nonce: "n", https: true, dev: false });
    expect(http["Strict-Transport-Security"]).toBeUndefined();
    expect(https["Strict-Transport-Security"]).toMatch(/^max-age=\d{8,}/);
    for (const h of [http, https]) {
      expect(h["X-Content-Type-Options"]).toBe("nosniff");
      expect(h["Referrer-Policy"]).toBe("same-origin");
      expect(h["Permissions-Policy"]).toContain("camera=()");
      expect(h["Cache-Control"]).toBe("no-store");
    }
  });

  it("nonces are 128-bit and differ per request", () => {
    const seen = new Set(Array.from({ length: 200 }, newNonce));
    expect(seen.size).toBe(200);
    expect(Buffer.from([...seen][0]!, "base64")).toHaveLength(16);
  });

  it("next.config.js sends the same fixed headers on every path, static files included", async () => {
    const rules = await nextConfig.headers!();
    const all = rules.find((r) => r.source === "/:path*")!;
    expect(Object.fromEntries(all.headers.map((h) => [h.key, h.value]))).toEqual(STATIC_SECURITY_HEADERS);
  });
});
