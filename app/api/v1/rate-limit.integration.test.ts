// /api/v1 rate limits through a real route handler and Postgres: past the key's budget
// the answer is 429 rate_limited with Retry-After; the refusals are counted in
// RateLimitCounter and audited once (one rate_limit.exceeded row), not once each. The
// budget is per minute; the test spends it at once, so no window boundary is waited on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertGitHubUser } from "@/prisma/seed/factories";
import { createTestDatabase, type TestDatabase } from "@/testing/db";
import { setDb } from "@/lib/db";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import type { ApiHandler } from "@/lib/api/define-route";

let db: TestDatabase;
let orgs: { GET: ApiHandler };

async function list(key: string, ip: string) {
  const headers = new Headers({ authorization: `Bearer ${key}`, "x-forwarded-for": ip });
  return orgs.GET(new Request("http://127.0.0.1/api/v1/orgs", { headers }), { params: Promise.resolve({}) });
}

async function newKey(name: string): Promise<{ key: string; id: string }> {
  const u = await upsertGitHubUser(
    db.prisma,
    { id: 900 + name.length, login: `adm-${name}`, name, email: null },
    "admin",
  );
  const admin = { userId: u.id, login: u.githubLogin, role: "admin" as const, ip: null, userAgent: "vitest" };
  const created = await createApiKey(admin, { name, role: "auditor", expiresInMs: 30 * 24 * 3600 * 1000 });
  return { key: created.key, id: created.id };
}

beforeAll(async () => {
  process.env.GATEHOUSE_API_RATE_LIMIT = "3";
  db = await createTestDatabase();
  setDb(db.prisma);
  orgs = await import("./orgs/route");
}, 60_000);
afterAll(async () => {
  await db?.drop();
});

describe("/api/v1 rate limits", () => {
  it("answers 429 with Retry-After past a key's budget, counting refusals and auditing once", async () => {
    const { key, id } = await newKey("limited");
    for (let i = 0; i < 3; i++) expect((await list(key, "192.0.2.10")).status).toBe(200);
    for (let i = 0; i < 4; i++) {
      const res = await list(key, "192.0.2.10");
      expect(res.status).toBe(429);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await res.json()).toMatchObject({ error: { code: "rate_limited" } });
    }
    const counter = await db.prisma.rateLimitCounter.findFirstOrThrow({
      where: { key: `api-key:api-key:${id}` },
    });
    expect(counter.count).toBe(7);
    const audited = await db.prisma.auditLogEntry.count({
      where: { action: "rate_limit.exceeded", targetId: `api-key:api-key:${id}` },
    });
    expect(audited).toBe(1);
  });

  it("keeps a budget per client IP across keys (twice the per-key budget)", async () => {
    const a = await newKey("ip-a");
    const b = await newKey("ip-bb");
    const c = await newKey("ip-ccc");
    const ip = "192.0.2.20";
    const statuses = [];
    for (const k of [a, a, a, b, b, b, c]) statuses.push((await list(k.key, ip)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429]);
    // The same key from another address still has its own budget left.
    expect((await list(c.key, "192.0.2.21")).status).toBe(200);
  });
});
