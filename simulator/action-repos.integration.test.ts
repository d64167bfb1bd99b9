/* eslint-disable @typescript-eslint/no-explicit-any -- wire JSON is probed field by field in assertions */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ACTION_ORG,
  SETUP_BRANCH_ONLY,
  SETUP_IMPOSTOR,
  SETUP_V110,
  SETUP_V120,
} from "@/testing/action-repos";
import { defineOrgFixture, startSimulator, type Simulator } from "./index";
import { matchSpecRoute } from "./rest/router";
import { validateResponse } from "./testing/openapi-validator";

// Other owners' action repositories: the routes impostor-commit, pin-comment-mismatch and
// archived-action read, each answer valid against GitHub's OpenAPI description.

const TOKEN = "ghp_actionReposToken00000000000000000000";
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({
    fixture: defineOrgFixture({
      org: {
        login: "acme",
        webhooks: [{ url: "http://hooks.example.com/org", hasSecret: false }],
        members: [{ login: "ada", role: "admin" }],
        tokens: [{ token: TOKEN, login: "ada" }],
        ...ACTION_ORG,
      },
      repos: [{ name: "api" }],
    }),
  });
});
afterAll(() => sim.close());

async function get(p: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${sim.url}${p}`, { headers: { authorization: `token ${TOKEN}` } });
  return { status: res.status, body: await res.json() };
}

async function valid(p: string): Promise<any> {
  const { status, body } = await get(p);
  expect(status, JSON.stringify(body)).toBe(200);
  const m = matchSpecRoute("GET", p.split("?")[0]!)!;
  expect(validateResponse("GET", m.template, 200, body)).toBeNull();
  return body;
}

describe("action repositories of other owners", () => {
  it("serves the repository with its archived flag", async () => {
    expect(await valid("/repos/octo-actions/legacy")).toMatchObject({
      full_name: "octo-actions/legacy",
      archived: true,
      owner: { login: "octo-actions" },
    });
    expect((await valid("/repos/octo-actions/setup")).archived).toBe(false);
    expect((await get("/repos/octo-actions/unknown")).status).toBe(404);
  });

  it("serves organisation webhooks (org.yaml webhooks) to owners", async () => {
    const hooks = await valid("/orgs/acme/hooks");
    expect(hooks.map((h: any) => [h.config.url, h.config.secret ?? null])).toEqual([
      ["http://hooks.example.com/org", null],
    ]);
  });

  it("lists tags from actionRefs with the commits they point to", async () => {
    const tags = await valid("/repos/octo-actions/setup/tags?per_page=100");
    expect(tags.map((t: any) => [t.name, t.commit.sha])).toEqual([
      ["v1.2.0", SETUP_V120],
      ["v1.1.0", SETUP_V110],
    ]);
  });

  it("lists branches with their heads", async () => {
    const branches = await valid("/repos/octo-actions/setup/branches");
    expect(branches.map((b: any) => [b.name, b.commit.sha])).toEqual([
      ["main", SETUP_V120],
      ["release/v0", SETUP_BRANCH_ONLY],
    ]);
  });

  it("compares like git: tags behind the default branch, fork commits diverged, unknown commits 404", async () => {
    const status = async (basehead: string) =>
      (await valid(`/repos/octo-actions/setup/compare/${basehead}`)).status;
    expect(await status(`main...${SETUP_V120}`)).toBe("identical");
    expect(await status(`main...${SETUP_V110}`)).toBe("behind");
    expect(await status(`main...${SETUP_BRANCH_ONLY}`)).toBe("diverged");
    expect(await status(`release/v0...${SETUP_BRANCH_ONLY}`)).toBe("identical");
    expect(await status(`main...${SETUP_IMPOSTOR}`)).toBe("diverged");
    expect((await get(`/repos/octo-actions/setup/compare/main...${"9".repeat(40)}`)).status).toBe(404);
  });
});
