import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { safeRedirect } from "./safe-redirect";

const BASE = "https://gatehouse.example";

describe("sign-in callbackUrl", () => {
  it("keeps same-origin paths and URLs", () => {
    expect(safeRedirect("/repos/acme/api", BASE)).toBe(`${BASE}/repos/acme/api`);
    expect(safeRedirect(`${BASE}/policy?x=1`, BASE)).toBe(`${BASE}/policy?x=1`);
  });

  it("sends hostile or unparsable values home instead of throwing", () => {
    for (const hostile of [
      "http://[",
      "javascript:alert(1)",
      "//evil.example/x",
      "/\\evil.example",
      "https://evil.example",
      "https://gatehouse.example.evil.example/",
      "%ZZ",
      "",
    ])
      expect(safeRedirect(hostile, BASE)).toBe(BASE);
  });

  it("never throws and never leaves the origin, whatever the input", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = safeRedirect(s, BASE);
        expect(new URL(out).origin).toBe(BASE);
      }),
      { numRuns: 2000 },
    );
  });
});
