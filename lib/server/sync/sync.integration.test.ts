// The Sync page's data layer against a real Postgres and pg-boss: roles are checked in
// each function, "start sync" queues one run per organisation, and a stored credential
// never comes back out.
import { randomBytes } from "node:crypto";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "../../db";
import { QUEUE_LIST } from "../../sync/jobs/queues";
import { createTestDatabase, type TestDatabase } from "../../../testing/db";
import type { Actor } from "../authz/actor";
import { getGitHubConnection } from "./get-github-connection";
import { getSyncProgress } from "./get-sync-progress";
import { listSyncRuns } from "./list-sync-runs";
import { saveGitHubConnection } from "./save-github-connection";
import { startSync } from "./start-sync";

let db: TestDatabase;
let orgId: string;
const actor = (role: Actor["role"]): Actor => ({
  userId: `u-${role}`,
  login: role,
  role,
  ip: "198.51.100.7",
  userAgent: "vitest",
});
const TOKEN = "ghp_" + randomBytes(18).toString("hex");

beforeAll(async () => {
  db = await createTestDatabase();
  setDb(db.prisma);
  Object.assign(process.env, {
    DATABASE_URL: db.url,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    GITHUB_CLIENT_ID: "x",
    GITHUB_CLIENT_SECRET: "y",
    GATEHOUSE_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  });
  orgId = (await db.prisma.organization.create({ data: { login: "acme" } })).id;
}, 60_000);
afterAll(async () => {
  const g = globalThis as unknown as { gatehouseBoss?: Promise<PgBoss> };
  await (await g.gatehouseBoss)?.stop({ graceful: false, close: true }).catch(() => {});
  await db?.drop();
});

describe("lib/server/sync", () => {
  it("lets only admins save a connection, sealing the secret and never returning it", async () => {
    const input = {
      organizationId: orgId,
      baseUrl: "https://api.github.com",
      credentials: { kind: "token", token: TOKEN },
    };
    await expect(saveGitHubConnection(actor("security_lead"), input)).rejects.toMatchObject({
      code: "forbidden",
    });
    await saveGitHubConnection(actor("admin"), input);
    const row = await db.prisma.gitHubConnection.findUniqueOrThrow({ where: { organizationId: orgId } });
    expect(row.secretCiphertext).not.toContain(TOKEN.slice(4));
    const shown = await getGitHubConnection(actor("admin"), { organizationId: orgId });
    expect(shown).toMatchObject({ kind: "token", baseUrl: "https://api.github.com" });
    expect(JSON.stringify(shown)).not.toContain(TOKEN);
    expect(JSON.stringify(shown)).not.toContain(row.secretCiphertext);
    await expect(getGitHubConnection(actor("engineer"), { organizationId: orgId })).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("refuses start-sync to engineers and auditors, and queues one run for leads", async () => {
    await expect(startSync(actor("engineer"), { organizationId: orgId })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(startSync(actor("auditor"), { organizationId: orgId })).rejects.toMatchObject({
      code: "forbidden",
    });
    const first = await startSync(actor("security_lead"), { organizationId: orgId, kind: "full" });
    const second = await startSync(actor("admin"), { organizationId: orgId });
    expect(first.created).toBe(true);
    expect(second).toEqual({ runId: first.runId, created: false });
    const boss = await (globalThis as unknown as { gatehouseBoss: Promise<PgBoss> }).gatehouseBoss;
    expect(await boss.getQueueSize(QUEUE_LIST)).toBe(1);
  });

  it("shows progress and history to every reading role", async () => {
    const progress = await getSyncProgress(actor("engineer"), { organizationId: orgId });
    expect(progress.active).toMatchObject({ status: "queued", percent: 0 });
    const runs = await listSyncRuns(actor("auditor"), { organizationId: orgId });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ kind: "full", trigger: "manual" });
    await expect(listSyncRuns(null, { organizationId: orgId })).rejects.toMatchObject({
      code: "unauthenticated",
    });
  });
});
