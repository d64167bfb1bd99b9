import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { defineOrgFixture, startSimulator, type Simulator } from "@/simulator";
import { createGitHubClient, type GitHubClientOptions } from "./client";
import { classifyGitHubError, RateLimitedError } from "./errors";
import { MemoryEtagStore } from "./rest/etag-store";

// The client's retry policy against injected faults, over real HTTP.

const ADMIN = "ghp_clientTestAdmin00000000000000000000001";
const READER = "ghp_clientTestReader0000000000000000000001";
let sim: Simulator;

const fixture = defineOrgFixture({
  org: {
    login: "acme",
    members: [{ login: "boss", role: "admin" }, { login: "reader" }],
    users: [{ login: "boss" }, { login: "reader" }],
    tokens: [
      { token: ADMIN, login: "boss" },
      { token: READER, login: "reader" },
    ],
  },
  repos: [{ name: "api", config: { visibility: "internal" }, files: { "README.md": "hi" } }],
});

function client(over: Partial<GitHubClientOptions> = {}) {
  return createGitHubClient({
    credentials: { kind: "token", token: ADMIN },
    baseUrl: sim.url,
    // Generous: a loaded machine must not turn a slow answer into a timeout (and a retry).
    timeoutMs: 5_000,
    retryBaseMs: 10,
    maxRateLimitWaitSeconds: 5,
    ...over,
  });
}

beforeAll(async () => {
  sim = await startSimulator({ fixture, port: 0 });
});
afterAll(async () => sim?.close());
beforeEach(() => {
  sim.setFaults(undefined);
  sim.stats.reset();
});

describe("GitHub client fault handling", () => {
  it.each([403, 429] as const)(
    "waits out a %s secondary limit for retry-after, then succeeds",
    async (status) => {
      sim.setFaults({
        rules: [{ kind: "secondary-limit", status, retryAfter: 1, path: "/orgs/acme", count: 1 }],
      });
      const c = await client();
      const value = await c.octokit.request("GET /orgs/{org}", { org: "acme" });
      expect(value.status).toBe(200);
      // The wait the client asked for (retry-after: 1), not the elapsed time: a loaded
      // machine makes elapsed time lie in both directions.
      expect(c.stats.rateLimitWaitMs).toBe(1000);
      expect(c.stats.restRequests).toBe(2);
      expect(c.stats.retries).toBe(1);
    },
  );

  it("waits until x-ratelimit-reset when the primary quota is spent", async () => {
    sim.setFaults({ rules: [{ kind: "primary-limit", path: "/orgs/acme", count: 1 }] });
    const c = await client();
    const value = await c.octokit.request("GET /orgs/{org}", { org: "acme" });
    expect(value.status).toBe(200);
    // The throttling plugin waits until the reset second plus one: at least a second.
    expect(c.stats.rateLimitWaitMs).toBeGreaterThanOrEqual(1000);
    expect(c.stats.restRequests).toBe(2);
  });

  it("waits out a GraphQL RATE_LIMITED answer", async () => {
    sim.setFaults({ rules: [{ kind: "primary-limit", path: "/graphql", count: 1 }] });
    const c = await client();
    const value = await c.octokit.graphql<{ viewer: { login: string } }>("query { viewer { login } }");
    expect(value.viewer.login).toBe("boss");
    expect(c.stats.rateLimitWaitMs).toBeGreaterThanOrEqual(1000);
    expect(c.stats.graphqlQueries).toBeGreaterThanOrEqual(2);
  });

  it("does not block for a wait longer than allowed: it reports when to retry", async () => {
    sim.setFaults({ rules: [{ kind: "secondary-limit", status: 429, retryAfter: 120, path: "/orgs/acme" }] });
    const c = await client({ maxRateLimitWaitSeconds: 5 });
    const started = Date.now();
    const err = await c.octokit.request("GET /orgs/{org}", { org: "acme" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    // Reported, not waited for: no wait was recorded and the retry time is 120 s out.
    expect((err as RateLimitedError).retryAtMs).toBeGreaterThanOrEqual(started + 119_000);
    expect(c.stats.rateLimitWaitMs).toBe(0);
    expect(classifyGitHubError(err)).toBe("rate_limited");
  });

  it("never retries a permission error (403 without rate-limit signals)", async () => {
    const c = await client({ credentials: { kind: "token", token: READER } });
    const err = await c.octokit
      .request("GET /repos/{owner}/{repo}/actions/permissions", { owner: "acme", repo: "api" })
      .catch((e: unknown) => e);
    expect((err as { status: number }).status).toBe(403);
    expect(c.stats.restRequests).toBe(1);
    expect(c.stats.errors).toEqual({ permission: 1 });
  });

  it("never retries a 404", async () => {
    const c = await client();
    const err = await c.octokit
      .request("GET /repos/{owner}/{repo}", { owner: "acme", repo: "missing" })
      .catch((e: unknown) => e);
    expect((err as { status: number }).status).toBe(404);
    expect(sim.stats.rest + sim.stats.notModified).toBe(1);
    // The Sync page can open "not_found 1" to see which request failed (no query string).
    expect(c.stats.snapshot().errorSamples).toEqual([
      expect.objectContaining({ kind: "not_found", method: "GET", path: "/repos/acme/missing", status: 404 }),
    ]);
  });

  it("retries a 5xx at most 3 times", async () => {
    sim.setFaults({ rules: [{ kind: "server-error", status: 502, path: "/orgs/acme" }] });
    const c = await client();
    const err = await c.octokit.request("GET /orgs/{org}", { org: "acme" }).catch((e: unknown) => e);
    expect((err as { status: number }).status).toBe(502);
    expect(sim.stats.faults).toBe(4);
    expect(c.stats.errors).toEqual({ server: 1 });
  });

  it("recovers when a 5xx clears within the retries", async () => {
    sim.setFaults({ rules: [{ kind: "server-error", status: 503, path: "/graphql", count: 2 }] });
    const c = await client();
    const data = await c.octokit.graphql<{ viewer: { login: string } }>("query { viewer { login } }");
    expect(data.viewer.login).toBe("boss");
    expect(sim.stats.faults).toBe(2);
  });

  it("times out a hung request and retries it", async () => {
    sim.setFaults({ rules: [{ kind: "hang", path: "/orgs/acme", count: 1 }] });
    const c = await client({ timeoutMs: 300 });
    const value = await c.octokit.request("GET /orgs/{org}", { org: "acme" });
    expect(value.status).toBe(200);
    // The hung attempt was served (a fault) and a second attempt answered.
    expect(sim.stats.faults).toBe(1);
    expect(c.stats.restRequests).toBe(2);
  });

  it("gives up on a request that keeps hanging, as a timeout", async () => {
    sim.setFaults({ rules: [{ kind: "hang", path: "/orgs/acme" }] });
    const c = await client({ timeoutMs: 200 });
    const err = await c.octokit.request("GET /orgs/{org}", { org: "acme" }).catch((e: unknown) => e);
    expect(classifyGitHubError(err)).toBe("timeout");
    expect(c.stats.restRequests).toBe(4);
  });

  it("answers unchanged resources from the ETag store with an uncharged 304", async () => {
    const store = new MemoryEtagStore();
    const c = await client({ etagStore: store });
    const first = await c.octokit.request("GET /orgs/{org}", { org: "acme" });
    const second = await c.octokit.request("GET /orgs/{org}", { org: "acme" });
    expect(second.data).toEqual(first.data);
    expect(c.stats.restNotModified).toBe(1);
    expect(sim.stats.notModified).toBe(1);
    expect(c.stats.rateLimitUnits).toBe(1);
  });
});
