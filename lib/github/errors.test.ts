import { describe, expect, it } from "vitest";
import { classifyGitHubError } from "./errors";
import { rateLimitWaitSeconds } from "./retry-after";

const err = (status: number, headers: Record<string, string> = {}, message = "x") => ({
  status,
  message,
  response: { headers, data: {} },
});

describe("classifyGitHubError", () => {
  it("separates permission errors from rate limits on 403", () => {
    expect(classifyGitHubError(err(403, {}, "Resource not accessible by integration"))).toBe("permission");
    expect(classifyGitHubError(err(403, { "x-ratelimit-remaining": "0" }))).toBe("rate_limited");
    expect(classifyGitHubError(err(403, {}, "You have exceeded a secondary rate limit"))).toBe(
      "rate_limited",
    );
    expect(classifyGitHubError(err(429, { "retry-after": "5" }))).toBe("rate_limited");
  });

  it("names not-found, server, timeout and network failures", () => {
    expect(classifyGitHubError(err(404))).toBe("not_found");
    expect(classifyGitHubError(err(502))).toBe("server");
    expect(
      classifyGitHubError({
        status: 500,
        name: "HttpError",
        message: "The operation was aborted due to timeout",
      }),
    ).toBe("timeout");
    expect(classifyGitHubError({ status: 500, name: "HttpError", message: "fetch failed" })).toBe("network");
    expect(classifyGitHubError({ name: "RateLimitedError", message: "later" })).toBe("rate_limited");
    expect(classifyGitHubError("boom")).toBe("other");
  });

  it("recognises GraphQL RATE_LIMITED errors in a 200 body", () => {
    expect(
      classifyGitHubError({
        status: 200,
        response: { headers: {}, data: { errors: [{ type: "RATE_LIMITED" }] } },
      }),
    ).toBe("rate_limited");
  });
});

describe("rateLimitWaitSeconds", () => {
  const now = Date.UTC(2026, 0, 1, 0, 0, 0);
  it("honours retry-after", () => {
    expect(rateLimitWaitSeconds(err(429, { "retry-after": "7" }), now)).toBe(7);
  });
  it("waits until x-ratelimit-reset (plus a second) when the quota is spent", () => {
    const reset = String(now / 1000 + 30);
    expect(
      rateLimitWaitSeconds(err(403, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset }), now),
    ).toBe(31);
  });
  it("never waits a negative time for a reset in the past", () => {
    expect(
      rateLimitWaitSeconds(
        err(403, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(now / 1000 - 100) }),
        now,
      ),
    ).toBe(0);
  });
  it("defaults a secondary limit without retry-after to one minute", () => {
    expect(rateLimitWaitSeconds(err(403, {}, "You have exceeded a secondary rate limit"), now)).toBe(60);
  });
  it("does not treat a plain 403/404/500 as a rate limit", () => {
    expect(rateLimitWaitSeconds(err(403, {}, "Must have admin rights"), now)).toBeNull();
    expect(rateLimitWaitSeconds(err(404), now)).toBeNull();
    expect(rateLimitWaitSeconds(err(500, { "retry-after": "3" }), now)).toBeNull();
  });
});
