import { afterAll, beforeAll, expect, it } from "vitest";
import type { RepoFacts } from "@/lib/facts/types";
import { defineOrgFixture } from "@/simulator";
import { pushImage } from "@/testing/registry/oci-push";
import { startRegistry, type StartedRegistry } from "@/testing/registry/start-registry";
import { runSyncInline } from "./engine/run-inline";
import { assembleRepoFacts, type OrgPart } from "../facts/assemble";
import { startSyncHarness, type SyncHarness } from "../../testing/sync/harness";
import { SYNC_TOKEN } from "../../testing/sync/org-fixture";

// Registry facts through sync: container packages and versions from the simulator's
// Packages API, the image itself from a real OCI registry (Debian's docker-registry), the
// provenance from GitHub's attestations API.

let reg: StartedRegistry;
let h: SyncHarness;
let digest: string;

beforeAll(async () => {
  reg = await startRegistry();
  digest = (await pushImage({ url: reg.url, name: "acme/api" }, ["latest"])).digest;
  const fixture = defineOrgFixture({
    org: {
      login: "acme",
      members: [{ login: "octo-admin", role: "admin" }],
      users: [{ login: "octo-admin" }],
      tokens: [{ token: SYNC_TOKEN, login: "octo-admin" }],
    },
    repos: [
      {
        name: "api",
        files: { Dockerfile: "FROM scratch\n" },
        config: {
          packages: [
            {
              name: "api",
              versions: [{ name: digest, tags: ["latest"], createdAt: "2025-01-01T00:00:00Z" }],
            },
          ],
          attestations: [{ digest, predicateType: "https://slsa.dev/provenance/v1" }],
        },
      },
      { name: "docs", files: { "README.md": "docs\n" } },
    ],
  });
  h = await startSyncHarness(fixture);
  h.ctx.registry = { url: reg.url, host: reg.host, timeoutMs: 5_000 };
}, 60_000);
afterAll(async () => {
  await h?.close();
  await reg?.stop();
});

async function factsOf(name: string): Promise<RepoFacts> {
  const repo = await h.db.prisma.repository.findFirstOrThrow({
    where: { name },
    include: { snapshot: true },
  });
  const org = await h.db.prisma.orgSnapshot.findUniqueOrThrow({
    where: { organizationId: h.organizationId },
  });
  return assembleRepoFacts(repo.snapshot!.facts as unknown as RepoFacts, org.facts as unknown as OrgPart);
}

it("fills RegistryFacts for the repository that publishes an image, and none for others", async () => {
  const { status } = await runSyncInline(h.ctx, { kind: "full", trigger: "manual" });
  expect(status).toBe("succeeded");
  const api = await factsOf("api");
  expect(api.registry?.images).toHaveLength(1);
  expect(api.registry?.images[0]).toMatchObject({
    name: `${reg.host}/acme/api`,
    latestDigest: digest,
    provenance: true,
    signed: true,
  });
  expect((await factsOf("docs")).registry).toEqual({ images: [] });
});
