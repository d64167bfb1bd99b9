/* eslint-disable @typescript-eslint/no-explicit-any -- wire JSON is probed field by field in assertions */
import { Octokit } from "octokit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineOrgFixture, startSimulator, type Simulator } from "./index";
import { validateResponse } from "./testing/openapi-validator";

// GET /orgs/{org}/secret-scanning/alerts and /orgs/{org}/dependabot/alerts: org-wide lists
// whose items name their repository, with GitHub's two pagination styles.

const PAT = "ghp_orgAlertsTest000000000000000000000000";
let sim: Simulator;

const day = (d: number) => `2025-01-${String(d).padStart(2, "0")}T00:00:00Z`;
const dep = (
  number: number,
  d: number,
  severity: "critical" | "high" | "medium" | "low",
  state: "open" | "fixed" = "open",
) => ({
  number,
  state,
  severity,
  ecosystem: "npm",
  packageName: `pkg-${number}`,
  ghsaId: `GHSA-aaaa-bbbb-${String(number).padStart(4, "0")}`,
  manifestPath: "package-lock.json",
  createdAt: day(d),
});
const on = {
  secretScanning: true,
  pushProtection: false,
  dependabotAlerts: true,
  dependabotSecurityUpdates: false,
};

beforeAll(async () => {
  const fixture = defineOrgFixture({
    org: {
      login: "acme",
      members: [{ login: "owner", role: "admin" }, { login: "dev" }],
      tokens: [{ token: PAT, login: "owner" }],
    },
    repos: [
      {
        name: "api",
        config: {
          security: on,
          secretScanningAlerts: [
            { number: 1, secretType: "aws_access_key_id", createdAt: day(3) },
            {
              number: 2,
              secretType: "slack_webhook_url",
              state: "resolved",
              resolution: "revoked",
              createdAt: day(4),
            },
          ],
          dependabotAlerts: [dep(1, 1, "high"), dep(2, 5, "low"), dep(3, 6, "critical", "fixed")],
        },
      },
      {
        name: "web",
        config: {
          security: on,
          secretScanningAlerts: [
            { number: 1, secretType: "github_personal_access_token", createdAt: day(7) },
          ],
          dependabotAlerts: [dep(1, 2, "medium"), dep(2, 8, "critical")],
        },
      },
      // Features off: their alerts are not listed, as on GitHub.
      {
        name: "off",
        config: {
          secretScanningAlerts: [{ number: 9, secretType: "aws_access_key_id", createdAt: day(9) }],
          dependabotAlerts: [dep(9, 9, "high")],
        },
      },
    ],
  });
  sim = await startSimulator({ fixture });
});
afterAll(() => sim.close());

const get = (p: string, headers: Record<string, string> = {}, token = PAT) =>
  fetch(`${sim.url}${p}`, { headers: { authorization: `token ${token}`, ...headers } });
const names = (items: any[]) => items.map((a) => `${a.repository.name}#${a.number}`);

describe("organisation secret scanning alerts", () => {
  it("lists open alerts of repositories with secret scanning, newest first, each with its repository", async () => {
    const res = await get("/orgs/acme/secret-scanning/alerts?state=open");
    const body = (await res.json()) as any[];
    expect(res.status).toBe(200);
    expect(names(body)).toEqual(["web#1", "api#1"]);
    expect(body[0].repository).toMatchObject({ name: "web", full_name: "acme/web", private: true });
    expect(validateResponse("GET", "/orgs/{org}/secret-scanning/alerts", 200, body)).toBeNull();
    expect(
      names((await (await get("/orgs/acme/secret-scanning/alerts?state=resolved")).json()) as any[]),
    ).toEqual(["api#2"]);
  });

  it("pages by `page` with next/last links, or by cursor once one is given", async () => {
    const first = await get("/orgs/acme/secret-scanning/alerts?per_page=1");
    expect(first.headers.get("link")).toMatch(/page=2>; rel="next".*page=3>; rel="last"/);
    const cursor = await get("/orgs/acme/secret-scanning/alerts?per_page=2&after=");
    expect(names((await cursor.json()) as any[])).toEqual(["web#1", "api#2"]);
    const next = /<([^>]+)>; rel="next"/.exec(cursor.headers.get("link") ?? "")![1]!;
    expect(new URL(next).searchParams.has("page")).toBe(false);
    const page2 = await fetch(next, { headers: { authorization: `token ${PAT}` } });
    expect(names((await page2.json()) as any[])).toEqual(["api#1"]);
    expect(page2.headers.get("link")).toMatch(/before=[^>]+>; rel="prev"$/);
  });
});

describe("organisation Dependabot alerts", () => {
  it("filters by state and severity and validates against GitHub's schema", async () => {
    const body = (await (await get("/orgs/acme/dependabot/alerts?state=open")).json()) as any[];
    expect(names(body)).toEqual(["web#2", "api#2", "web#1", "api#1"]);
    expect(body[0]).toMatchObject({
      state: "open",
      security_advisory: { severity: "critical" },
      repository: { full_name: "acme/web" },
    });
    expect(validateResponse("GET", "/orgs/{org}/dependabot/alerts", 200, body)).toBeNull();
    expect(
      names(
        (await (
          await get("/orgs/acme/dependabot/alerts?state=open,fixed&severity=critical&direction=asc")
        ).json()) as any[],
      ),
    ).toEqual(["api#3", "web#2"]);
  });

  it("pages by cursor only: `page` is refused with 400, octokit follows the `after` links", async () => {
    const refused = await get("/orgs/acme/dependabot/alerts?page=2");
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as any).message).toBe(
      "Pagination using the `page` parameter is not supported.",
    );
    const first = await get("/orgs/acme/dependabot/alerts?per_page=2");
    expect(first.headers.get("link")).toMatch(/after=[^>&]+>; rel="next"$/);
    expect(first.headers.get("link")).not.toContain("last");
    const octokit = new Octokit({ auth: PAT, baseUrl: sim.url });
    const all = await octokit.paginate("GET /orgs/{org}/dependabot/alerts", {
      org: "acme",
      state: "open",
      per_page: 1,
    });
    expect(names(all as any[])).toEqual(["web#2", "api#2", "web#1", "api#1"]);
    expect((await get("/orgs/acme/dependabot/alerts?after=bm9wZQ")).status).toBe(400);
  });

  it("answers If-None-Match with an uncharged 304 and limits the lists to org owners", async () => {
    const first = await get("/orgs/acme/dependabot/alerts?state=open&per_page=100");
    const etag = first.headers.get("etag")!;
    const before = sim.stats.rest;
    const again = await get("/orgs/acme/dependabot/alerts?state=open&per_page=100", {
      "if-none-match": etag,
    });
    expect(again.status).toBe(304);
    expect(sim.stats.rest).toBe(before);
    sim.fixture.repos[1]!.config.dependabotAlerts[1]!.state = "fixed";
    expect(
      (await get("/orgs/acme/dependabot/alerts?state=open&per_page=100", { "if-none-match": etag })).status,
    ).toBe(200);
    const dev = sim.issueToken("dev");
    expect((await get("/orgs/acme/secret-scanning/alerts", {}, dev)).status).toBe(403);
    expect((await get("/orgs/acme/dependabot/alerts", {}, dev)).status).toBe(403);
  });
});

describe("alert web pages (html_url)", () => {
  it("serves each alert's html_url as a page naming the alert, and 404 for an unknown one", async () => {
    const [secret] = (await (await get("/orgs/acme/secret-scanning/alerts?state=open")).json()) as any[];
    const secretPage = await fetch(secret.html_url);
    expect(secretPage.status).toBe(200);
    expect(secretPage.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await secretPage.text()).toContain("Secret scanning alert #1: github_personal_access_token");
    const [dependabot] = (await (await get("/repos/acme/api/dependabot/alerts?state=open")).json()) as any[];
    expect(await (await fetch(dependabot.html_url)).text()).toContain(
      `Dependabot alert #${dependabot.number}: pkg-${dependabot.number} (`,
    );
    expect((await fetch(`${sim.url}/acme/api/security/dependabot/99`)).status).toBe(404);
    expect((await fetch(`${sim.url}/other/api/security/dependabot/1`)).status).toBe(404);
  });
});
