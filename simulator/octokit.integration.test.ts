import path from "node:path";
import { Octokit } from "octokit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "./index";

// The clients sync uses (octokit with its throttling and retry plugins) must understand the
// simulator's wire formats: Link pagination, GraphQL, rate-limit and retry signals.

const FIXTURE = path.resolve(__dirname, "../fixtures/orgs/tiny");
const PAT = "ghp_tinytoken0000000000000000000000000000";
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ fixture: FIXTURE });
});
afterAll(() => sim.close());

function client(events: string[]) {
  return new Octokit({
    auth: PAT,
    baseUrl: sim.url,
    throttle: {
      onRateLimit: () => (events.push("rate-limit"), true),
      onSecondaryRateLimit: () => (events.push("secondary"), true),
    },
    retry: { doNotRetry: [400, 401, 403, 404, 422, 451] },
    request: { retryAfter: 0 },
  });
}

describe("octokit against the simulator", () => {
  it("paginates REST lists through Link headers", async () => {
    const repos = await client([]).paginate("GET /orgs/{org}/repos", { org: "tiny-org", per_page: 1 });
    expect(repos.map((r) => r.name)).toEqual(["api", "docs"]);
  });

  it("runs GraphQL queries and surfaces GitHub-style errors", async () => {
    const ok = await client([]).graphql<{ repository: { name: string } }>(
      `query($o: String!) { repository(owner: $o, name: "api") { name } }`,
      { o: "tiny-org" },
    );
    expect(ok.repository.name).toBe("api");
    await expect(
      client([]).graphql(`{ repository(owner: "tiny-org", name: "api") { nope } }`),
    ).rejects.toThrow(/Field 'nope' doesn't exist on type 'Repository'/);
  });

  it("retries after a secondary limit with retry-after", async () => {
    const events: string[] = [];
    sim.setFaults({ rules: [{ kind: "secondary-limit", path: "/orgs/tiny-org", count: 1, retryAfter: 1 }] });
    const { data } = await client(events).request("GET /orgs/{org}", { org: "tiny-org" });
    sim.setFaults(undefined);
    expect(data.login).toBe("tiny-org");
    expect(events).toEqual(["secondary"]);
  });

  it("retries a 502 from GraphQL", async () => {
    sim.setFaults({ rules: [{ kind: "server-error", path: "/graphql", count: 1, status: 502 }] });
    const before = sim.stats.faults;
    const r = await client([]).graphql<{ viewer: { login: string } }>(`{ viewer { login } }`);
    sim.setFaults(undefined);
    expect(r.viewer.login).toBe("ada");
    expect(sim.stats.faults).toBe(before + 1);
  });

  it("answers 304 to octokit's conditional requests", async () => {
    const o = client([]);
    const first = await o.request("GET /repos/{owner}/{repo}", { owner: "tiny-org", repo: "api" });
    const second = await o
      .request("GET /repos/{owner}/{repo}", {
        owner: "tiny-org",
        repo: "api",
        headers: { "if-none-match": first.headers.etag },
      })
      .catch((e: { status: number }) => e);
    expect((second as { status: number }).status).toBe(304);
  });
});
