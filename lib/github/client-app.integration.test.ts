import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { defineOrgFixture, startSimulator, type Simulator } from "@/simulator";
import { listOrgRepos } from "@/lib/sync/github/list-repos";
import { createGitHubClient } from "./client";

// GitHub App authentication: an RS256 app JWT (verified by the simulator against the app's
// public key) exchanged for an installation token, which then reads GraphQL and REST.

let sim: Simulator;
const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
const privateKey = keys.privateKey.export({ type: "pkcs8", format: "pem" }).toString();

beforeAll(async () => {
  sim = await startSimulator({
    port: 0,
    fixture: defineOrgFixture({
      org: {
        login: "acme",
        githubApp: {
          appId: 4242,
          installationId: 77,
          publicKey: keys.publicKey.export({ type: "spki", format: "pem" }).toString(),
        },
      },
      repos: [
        { name: "api", files: { "README.md": "x" } },
        { name: "web", files: { "README.md": "y" } },
      ],
    }),
  });
});
afterAll(async () => sim?.close());

it("authenticates as a GitHub App installation and reads the organisation", async () => {
  const client = await createGitHubClient({
    credentials: { kind: "app", appId: 4242, installationId: 77, privateKey },
    baseUrl: sim.url,
    timeoutMs: 5_000,
  });
  const listing = await listOrgRepos(client, "acme");
  expect(listing.repos.map((r) => r.name)).toEqual(["api", "web"]);
  const org = await client.octokit.request("GET /orgs/{org}", { org: "acme" });
  expect(org.data.login).toBe("acme");
  expect(sim.stats.routes["POST /app/installations/{installation_id}/access_tokens"]).toBe(1);
});

it("fails cleanly with a key the app does not own", async () => {
  const other = generateKeyPairSync("rsa", { modulusLength: 2048 })
    .privateKey.export({ type: "pkcs8", format: "pem" })
    .toString();
  const attempt = createGitHubClient({
    credentials: { kind: "app", appId: 4242, installationId: 77, privateKey: other },
    baseUrl: sim.url,
    timeoutMs: 5_000,
  }).then((c) => listOrgRepos(c, "acme"));
  await expect(attempt).rejects.toMatchObject({ status: 401 });
});
