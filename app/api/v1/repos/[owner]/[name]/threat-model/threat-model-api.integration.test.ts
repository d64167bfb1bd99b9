// The threat-model REST routes through their real handlers against a real Postgres, with
// API keys: read, save with optimistic concurrency, export, import (a bad file changes
// nothing and names its line; raw bodies over real HTTP), revisions; auditors read but never write.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertGitHubUser, upsertOrganization } from "@/prisma/seed/factories";
import { createTestDatabase, type TestDatabase } from "@/testing/db";
import { makeFacts, makeOrg } from "@/testing/facts";
import { setDb } from "@/lib/db";
import { systemActor, type Actor } from "@/lib/server/authz/actor";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import { generateThreatModels } from "@/lib/server/threat-models/generate-threat-models";
import { scoreOrganization } from "@/lib/server/scores/score-organization";
import type { ApiHandler } from "@/lib/api/define-route";
import * as model from "./route";
import { apiHandlers } from "@/app/api/v1/registry";
import { startApiServer, type ApiServer } from "@/testing/api-server";
import * as revisions from "./revisions/route";
import * as revision from "./revisions/[n]/route";

let db: TestDatabase;
let api: ApiServer;
const twoDiagrams = readFileSync(
  fileURLToPath(
    new URL("../../../../../../../lib/threat-model/__fixtures__/two-diagrams.td.json", import.meta.url),
  ),
  "utf8",
);
const keys: Record<string, string> = {};
let seq = 0;
type ApiModel = {
  revision: number;
  assets: unknown[];
  boundaries: unknown[];
  controls: unknown[];
  threats: Array<{
    id: string;
    title: string;
    category: string;
    stage: string;
    likelihood: string;
    impact: string;
    storedStatus: string;
    assetIds: string[];
    controls: Array<{ id: string; kind: string; status: string; link?: string }>;
  }>;
};

type Body = { data: never; total?: number; error?: { code: string; message: string } };
async function call(handler: ApiHandler, key: string, url: string, params: object, body?: unknown) {
  const headers = new Headers({ "user-agent": "vitest", authorization: `Bearer ${key}` });
  if (body !== undefined) headers.set("content-type", "application/json");
  const res = await handler(
    new Request(`http://127.0.0.1${url}`, {
      method: handler.contract.method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve(params as Record<string, string>) },
  );
  return { status: res.status, body: (await res.json()) as Body };
}

/** A repository of its own with a generated model (each test makes its own). */
async function freshRepo() {
  const name = `repo-${++seq}`;
  const org = await db.prisma.organization.findFirstOrThrow({ where: { login: "acme" } });
  const repo = await db.prisma.repository.create({
    data: { organizationId: org.id, name, fullName: `acme/${name}` },
  });
  const facts = makeFacts({
    name,
    files: [
      {
        path: ".github/workflows/ci.yml",
        text: "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n",
      },
    ],
  });
  await db.prisma.repoSnapshot.create({
    data: {
      repositoryId: repo.id,
      fingerprint: "fp",
      factsVersion: 1,
      facts: JSON.parse(JSON.stringify(facts)),
      syncedAt: new Date(),
    },
  });
  await scoreOrganization(systemActor("sync"), { organizationId: org.id });
  await generateThreatModels(systemActor("sync"), { organizationId: org.id });
  const params = { owner: "acme", name };
  const path = `/api/v1/repos/acme/${name}/threat-model`;
  return { params, path };
}

beforeAll(async () => {
  db = await createTestDatabase();
  setDb(db.prisma);
  const org = await upsertOrganization(db.prisma, "acme", "Acme");
  await db.prisma.orgSnapshot.create({
    data: {
      organizationId: org.id,
      facts: JSON.parse(
        JSON.stringify({
          settings: makeOrg({ login: "acme" }),
          secrets: [],
          alerts: { secretScanning: {}, dependabot: {} },
          actionAdvisories: [],
        }),
      ),
    },
  });
  const a = await upsertGitHubUser(db.prisma, { id: 31, login: "ada", name: null, email: null }, "admin");
  const admin: Actor = { userId: a.id, login: "ada", role: "admin", ip: null, userAgent: "vitest" };
  for (const role of ["engineer", "auditor"] as const)
    keys[role] = (await createApiKey(admin, { name: `${role}-key`, role })).key;
  api = await startApiServer(apiHandlers());
}, 120_000);
afterAll(async () => {
  await api?.close();
  await db?.drop();
});

describe("/api/v1/repos/{owner}/{name}/threat-model", () => {
  it("saves a new revision and refuses a stale one with 409, changing nothing", async () => {
    const { params, path } = await freshRepo();
    const read = await call(model.GET, keys.engineer!, path, params);
    expect(read.status).toBe(200);
    const current = read.body.data as ApiModel;
    expect(current.threats.length).toBeGreaterThan(0);
    const { revision, ...rest } = current;
    // Back to the stored shape: the first threat removed.
    const threats = current.threats.slice(1).map((t) => ({
      id: t.id,
      title: t.title,
      category: t.category,
      stage: t.stage,
      likelihood: t.likelihood,
      impact: t.impact,
      status: t.storedStatus,
      assetIds: t.assetIds,
      controls: t.controls.map((c) => ({ controlId: c.id, status: c.kind === "check" ? c.link : c.status })),
    }));
    const saved = await call(model.PUT, keys.engineer!, path, params, {
      revision,
      assets: rest.assets,
      boundaries: rest.boundaries,
      controls: rest.controls,
      threats,
    });
    expect(saved.status).toBe(200);
    expect((saved.body.data as { revision: number }).revision).toBe(revision + 1);

    const stale = await call(model.PUT, keys.engineer!, path, params, { revision, ...rest, threats: [] });
    expect(stale.status).toBe(409);
    expect(stale.body.error!.message).toContain(`threat “${current.threats[0]!.title}” removed`);
    const after = await call(model.GET, keys.engineer!, path, params);
    expect((after.body.data as { threats: unknown[] }).threats).toHaveLength(current.threats.length - 1);
  });

  it("names the bad field, and auditors are refused", async () => {
    const { params, path } = await freshRepo();
    const { revision, assets, boundaries, controls } = (await call(model.GET, keys.auditor!, path, params))
      .body.data as { revision: number; assets: unknown[]; boundaries: unknown[]; controls: unknown[] };
    const bad = await call(model.PUT, keys.engineer!, path, params, {
      revision,
      assets,
      boundaries,
      controls,
      threats: [{ id: "t-x", title: "X", category: "gossip", stage: "build", assetIds: [], controls: [] }],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error!.message).toMatch(/threats\.0\.category/);
    const forged = await call(model.PUT, keys.auditor!, path, params, {
      revision,
      assets,
      boundaries,
      controls,
      threats: [],
    });
    expect(forged.status).toBe(403);
    const revs = await call(revisions.GET, keys.auditor!, `${path}/revisions`, params);
    expect(revs.body.total).toBe(1);
  });

  it("exports THREATS.md and imports it back over HTTP as a raw text/markdown body; a bad file changes nothing", async () => {
    const { path } = await freshRepo();
    const md = await api.request("GET", `${path}/export?format=markdown`, keys.auditor!);
    expect(md.status).toBe(200);
    const file = md.body.data as { filename: string; text: string };
    expect(file.filename).toBe("THREATS.md");
    const markdown = { "content-type": "text/markdown; charset=utf-8" };

    const broken = file.text.replace(
      /STRIDE: [a-z-]+|\*\*Category:\*\* [A-Za-z -]+|category: [a-z-]+/,
      "category: gossip",
    );
    expect(broken).not.toBe(file.text);
    const refused = await api.request("POST", `${path}/import?revision=1`, keys.engineer!, broken, markdown);
    expect(refused.status).toBe(422);
    expect(refused.body.error!.message).toMatch(/line \d+/);
    const noRevision = await api.request("POST", `${path}/import`, keys.engineer!, file.text, markdown);
    expect(noRevision.status).toBe(422);
    expect(noRevision.body.error!.message).toMatch(/revision/);
    const wrongType = await api.request("POST", `${path}/import?revision=1`, keys.engineer!, file.text, {
      "content-type": "text/plain",
    });
    expect(wrongType.status).toBe(422);
    const huge = await api.request(
      "POST",
      `${path}/import?revision=1`,
      keys.engineer!,
      "x".repeat(11 << 20),
      markdown,
    );
    expect(huge.status).toBe(422);
    expect(huge.body.error!.message).toMatch(/^body: larger than the limit of 10485760 bytes/);
    expect(wrongType.body.error!.message).toMatch(
      /^content-type: expected text\/markdown or application\/json/,
    );
    expect((await api.request("GET", `${path}/revisions`, keys.engineer!)).body.total).toBe(1);

    const imported = await api.request("POST", `${path}/import`, keys.engineer!, file.text, {
      ...markdown,
      "if-match": '"1"',
    });
    expect(imported.status).toBe(200);
    expect((imported.body.data as { revision: number }).revision).toBe(2);
    const again = await api.request("GET", `${path}/export?format=markdown`, keys.auditor!);
    const strip = (t: string) => t.split("\n").filter((l) => !/revision|exported|\d{4}-\d\d-\d\dT/i.test(l));
    expect(strip((again.body.data as { text: string }).text)).toEqual(strip(file.text));

    const stale = await api.request("POST", `${path}/import`, keys.engineer!, file.text, {
      ...markdown,
      "if-match": "1",
    });
    expect(stale.status).toBe(409);
    const forged = await api.request("POST", `${path}/import?revision=2`, keys.auditor!, file.text, markdown);
    expect(forged.status).toBe(403);
    expect((await api.request("GET", `${path}/revisions`, keys.engineer!)).body.total).toBe(2);
  });

  it("imports a Threat Dragon file sent as a raw application/json body, and names the JSON path of a bad one", async () => {
    const { path } = await freshRepo();
    const unknown = twoDiagrams.replace('"type": "Tampering"', '"type": "Sneaking"');
    const refused = await api.request("POST", `${path}/import?revision=1`, keys.engineer!, unknown);
    expect(refused.status).toBe(422);
    expect(refused.body.error!.message).toContain(
      '$.detail.diagrams[0].cells[2].data.threats[0].type: "Sneaking" is not a STRIDE category',
    );
    const imported = await api.request("POST", `${path}/import?revision=1`, keys.engineer!, twoDiagrams);
    expect(imported.status).toBe(200);
    const saved = imported.body.data as ApiModel;
    expect(saved.revision).toBe(2);
    expect(saved.threats.map((t) => t.id).sort()).toEqual(
      ["th-eop-1", "th-info-1", "th-spoof-1", "th-tamper-1"].sort(),
    );
  });

  it("lists revisions and answers one with its model", async () => {
    const { params, path } = await freshRepo();
    const list = await call(revisions.GET, keys.auditor!, `${path}/revisions`, params);
    expect(list.body.data).toEqual([
      expect.objectContaining({ revision: 1, author: null, source: "generated" }),
    ]);
    const one = await call(revision.GET, keys.auditor!, `${path}/revisions/1`, { ...params, n: "1" });
    expect(one.status).toBe(200);
    expect((one.body.data as { model: { threats: unknown[] } }).model.threats.length).toBeGreaterThan(0);
    const missing = await call(revision.GET, keys.auditor!, `${path}/revisions/9`, { ...params, n: "9" });
    expect(missing.status).toBe(404);
  });
});
