import { randomBytes } from "node:crypto";
import { startSimulator, type FaultConfig, type OrgFixture, type Simulator } from "@/simulator";
import { createTestDatabase, type TestDatabase } from "@/testing/db";
import { contextForOrganization, saveConnection } from "../../lib/sync/connection";
import type { SyncContext } from "../../lib/sync/engine/context";
import { SYNC_TOKEN } from "./org-fixture";

// Integration harness: a simulator over real HTTP, a fresh migrated database, the org
// row and an encrypted token connection, and a sync context built the production way.

export interface SyncHarness {
  sim: Simulator;
  db: TestDatabase;
  ctx: SyncContext;
  organizationId: string;
  /** The encryption key the connection was sealed with (child processes rebuild the context). */
  key: Buffer;
  close(): Promise<void>;
}

export interface SyncHarnessOptions {
  faults?: FaultConfig;
  timeoutMs?: number;
  retryBaseMs?: number;
  maxRateLimitWaitSeconds?: number;
  /** The token sync uses; it must be one of the fixture's `tokens` (default: SYNC_TOKEN). */
  token?: string;
}

export async function startSyncHarness(
  fixture: OrgFixture,
  opts: SyncHarnessOptions = {},
): Promise<SyncHarness> {
  const sim = await startSimulator({ fixture, port: 0, faults: opts.faults });
  const db = await createTestDatabase();
  const org = await db.prisma.organization.create({ data: { login: fixture.org.login } });
  const key = randomBytes(32);
  await saveConnection(db.prisma, key, {
    organizationId: org.id,
    baseUrl: sim.url,
    credentials: { kind: "token", token: opts.token ?? SYNC_TOKEN },
  });
  const ctx = await contextForOrganization(db.prisma, key, org.id, {
    timeoutMs: opts.timeoutMs ?? 5_000,
    retryBaseMs: opts.retryBaseMs ?? 20,
    maxRateLimitWaitSeconds: opts.maxRateLimitWaitSeconds ?? 5,
  });
  return {
    sim,
    db,
    ctx,
    organizationId: org.id,
    key,
    async close() {
      await sim.close();
      await db.drop();
    },
  };
}
