import { describe, expect, it } from "vitest";
import type { NextConfig } from "next";
// @ts-expect-error -- next.config.js is plain JS (checked with @ts-check), without declarations
import nextConfigJs from "../../next.config.js";
import { FORM_OVERHEAD_BYTES, POLICY_MAX_CHARS, SERVER_ACTION_BODY_LIMIT_BYTES } from "./limits";
import { malformedRequest } from "./malformed-request";

const config = nextConfigJs as NextConfig;

describe("request limits agree", () => {
  it("the largest policy the schema accepts fits in one server-action body, even all 4-byte UTF-8", () => {
    expect(POLICY_MAX_CHARS * 4 + FORM_OVERHEAD_BYTES).toBeLessThanOrEqual(SERVER_ACTION_BODY_LIMIT_BYTES);
  });

  it("next.config.js configures the same server-action body limit", () => {
    const limit = config.experimental?.serverActions?.bodySizeLimit;
    expect(limit).toBe("2mb");
    expect(2 * 1024 * 1024).toBe(SERVER_ACTION_BODY_LIMIT_BYTES);
  });
});

describe("malformed requests get a 4xx", () => {
  const base = { method: "GET", rawPath: "/", isServerAction: false, contentLength: null };

  it("a path that does not percent-decode is a 400 (/repos/acme/%ZZ)", () => {
    expect(malformedRequest({ ...base, rawPath: "/repos/acme/%ZZ" })?.status).toBe(400);
    expect(malformedRequest({ ...base, rawPath: "/repos/acme/%E0%A4%A" })?.status).toBe(400);
    expect(malformedRequest({ ...base, rawPath: "/repos/acme/api%20x" })).toBeNull();
  });

  it("a server action over the body limit is a 413 before its body is read", () => {
    const action = { ...base, method: "POST", isServerAction: true };
    expect(
      malformedRequest({ ...action, contentLength: String(SERVER_ACTION_BODY_LIMIT_BYTES + 1) })?.status,
    ).toBe(413);
    expect(malformedRequest({ ...action, contentLength: String(SERVER_ACTION_BODY_LIMIT_BYTES) })).toBeNull();
    expect(malformedRequest({ ...action, contentLength: "-5" })?.status).toBe(400);
  });
});
