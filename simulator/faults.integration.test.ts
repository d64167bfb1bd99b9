import { generateKeyPairSync, createSign } from "node:crypto";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadOrgFixture } from "./fixture/load";
import { startSimulator, type Simulator } from "./index";

const FIXTURE = path.resolve(__dirname, "../fixtures/orgs/tiny");
const PAT = "ghp_tinytoken0000000000000000000000000000";
let sim: Simulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

const get = (p: string, token = PAT, signal?: AbortSignal) =>
  fetch(`${sim!.url}${p}`, { headers: { authorization: `token ${token}` }, signal });
const gql = (query: string, token = PAT) =>
  fetch(`${sim!.url}/graphql`, {
    method: "POST",
    headers: { authorization: `bearer ${token}` },
    body: JSON.stringify({ query }),
  });

describe("fault injection", () => {
  it("answers a primary-limit fault with 403, remaining 0 and a reset", async () => {
    sim = await startSimulator({
      fixture: FIXTURE,
      faults: { rules: [{ kind: "primary-limit", path: "/repos/*/*", count: 1 }] },
    });
    const res = await get("/repos/tiny-org/api");
    expect(res.status).toBe(403);
    expect(res.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(Number(res.headers.get("x-ratelimit-reset"))).toBeGreaterThan(0);
    expect(((await res.json()) as { message: string }).message).toMatch(/^API rate limit exceeded/);
    expect((await get("/repos/tiny-org/api")).status).toBe(200);
    expect(sim.stats.faults).toBe(1);
  });

  it("answers secondary limits as 403 or 429, with or without retry-after", async () => {
    sim = await startSimulator({ fixture: FIXTURE });
    sim.setFaults({
      rules: [
        { kind: "secondary-limit", status: 429, retryAfter: 7, count: 1 },
        { kind: "secondary-limit", retryAfter: null, count: 1 },
      ],
    });
    const a = await get("/orgs/tiny-org");
    expect(a.status).toBe(429);
    expect(a.headers.get("retry-after")).toBe("7");
    expect(((await a.json()) as { message: string }).message).toMatch(/secondary rate limit/);
    const b = await get("/orgs/tiny-org");
    expect(b.status).toBe(403);
    expect(b.headers.get("retry-after")).toBeNull();
    expect((await get("/orgs/tiny-org")).status).toBe(200);
  });

  it("answers 500/502 on GraphQL after skipping the first request", async () => {
    sim = await startSimulator({
      fixture: FIXTURE,
      faults: { rules: [{ kind: "server-error", path: "/graphql", after: 1, count: 2, status: 500 }] },
    });
    expect((await gql("{ viewer { login } }")).status).toBe(200);
    expect((await gql("{ viewer { login } }")).status).toBe(500);
    expect((await gql("{ viewer { login } }")).status).toBe(500);
    expect((await gql("{ viewer { login } }")).status).toBe(200);
  });

  it("hangs until the client gives up, and close() still returns", async () => {
    sim = await startSimulator({ fixture: FIXTURE, faults: { rules: [{ kind: "hang", path: "/orgs/**" }] } });
    // The only way out of a hang is the client's own timeout: the request fails as aborted.
    await expect(get("/orgs/tiny-org", PAT, AbortSignal.timeout(300))).rejects.toMatchObject({
      name: "TimeoutError",
    });
    expect(sim!.stats.faults).toBe(1);
    // A second hanging request is left open; close() (in afterEach) must still return.
    void get("/orgs/tiny-org").catch(() => undefined);
    await vi.waitFor(() => expect(sim!.stats.faults).toBe(2));
  });
});

describe("real rate limits", () => {
  it("refuses with 403 once the REST budget is spent, and RATE_LIMITED on GraphQL", async () => {
    sim = await startSimulator({ fixture: FIXTURE, limits: { restPerHour: 2, graphqlPointsPerHour: 1 } });
    expect((await get("/orgs/tiny-org")).status).toBe(200);
    expect((await get("/orgs/tiny-org")).status).toBe(200);
    const third = await get("/orgs/tiny-org");
    expect(third.status).toBe(403);
    expect(third.headers.get("x-ratelimit-remaining")).toBe("0");
    expect((await gql("{ viewer { login } }")).status).toBe(200);
    const g = (await (await gql("{ viewer { login } }")).json()) as { errors: Array<{ type: string }> };
    expect(g.errors[0]?.type).toBe("RATE_LIMITED");
    expect(sim.stats.primaryLimited).toBe(2);
  });

  it("applies the per-minute secondary limit per endpoint with retry-after", async () => {
    sim = await startSimulator({ fixture: FIXTURE, limits: { restPointsPerMinute: 2 } });
    await get("/orgs/tiny-org");
    await get("/orgs/tiny-org");
    const r = await get("/orgs/tiny-org");
    expect(r.status).toBe(403);
    expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await get("/repos/tiny-org/api")).status).toBe(200);
  });
});

describe("concurrency", () => {
  it("refuses a request beyond the concurrent-request limit while others are in flight", async () => {
    sim = await startSimulator({
      fixture: FIXTURE,
      limits: { concurrency: 1 },
      faults: { rules: [{ kind: "hang", path: "/orgs/tiny-org", count: 1 }] },
    });
    const ctrl = new AbortController();
    const hung = get("/orgs/tiny-org", PAT, ctrl.signal).catch(() => "aborted");
    await new Promise((r) => setTimeout(r, 100));
    const refused = await get("/repos/tiny-org/api");
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toMatch(/secondary rate limit/);
    ctrl.abort();
    expect(await hung).toBe("aborted");
    await new Promise((r) => setTimeout(r, 50));
    expect((await get("/repos/tiny-org/api")).status).toBe(200);
    expect(sim.stats.secondaryLimited).toBe(1);
  });

  it("applies GraphQL's per-minute secondary limit", async () => {
    sim = await startSimulator({ fixture: FIXTURE, limits: { graphqlPointsPerMinute: 1 } });
    expect((await gql("{ viewer { login } }")).status).toBe(200);
    const r = await gql("{ viewer { login } }");
    expect(r.status).toBe(403);
    expect(r.headers.get("retry-after")).not.toBeNull();
  });
});

describe("GitHub App installation tokens", () => {
  it("verifies the app JWT and issues an installation token that works", async () => {
    const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const fx = await loadOrgFixture(FIXTURE);
    fx.org.githubApp = {
      appId: 77,
      slug: "gatehouse",
      installationId: 9,
      publicKey: publicKey.export({ type: "spki", format: "pem" }).toString(),
    };
    sim = await startSimulator({ fixture: fx });
    const now = Math.floor(Date.now() / 1000);
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const unsigned = `${b64({ alg: "RS256", typ: "JWT" })}.${b64({ iat: now - 30, exp: now + 500, iss: 77 })}`;
    const sig = createSign("RSA-SHA256").update(unsigned).sign(privateKey).toString("base64url");
    const post = (jwt: string) =>
      fetch(`${sim!.url}/app/installations/9/access_tokens`, {
        method: "POST",
        headers: { authorization: `Bearer ${jwt}` },
      });
    const res = await post(`${unsigned}.${sig}`);
    expect(res.status).toBe(201);
    const { token } = (await res.json()) as { token: string };
    expect(token).toMatch(/^ghs_/);
    expect((await get("/repos/tiny-org/api/branches/main/protection", token)).status).toBe(200);
    expect((await post(`${unsigned}.${Buffer.from("forged").toString("base64url")}`)).status).toBe(401);
  });
});
