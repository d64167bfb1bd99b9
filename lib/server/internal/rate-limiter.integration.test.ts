import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import { createTestDatabase, type TestDatabase } from "@/testing/db";
import { RateLimiter } from "./rate-limiter";

// The limiter is shared state in Postgres: two limiters on two connection pools (as two
// web processes would have) spend one budget. The clock is injected, so windows are
// chosen, never waited for.

let db: TestDatabase;
let other: PrismaClient;
const T0 = new Date("2026-01-01T10:00:00.000Z");
const clock = (d: Date) => () => d;

beforeAll(async () => {
  db = await createTestDatabase();
  other = createPrismaClient(db.url, 4);
}, 60_000);
afterAll(async () => {
  await other?.$disconnect();
  await db?.drop();
});

describe("RateLimiter (Postgres)", () => {
  it("two limiter instances share one budget, and refuse with the seconds left in the window", async () => {
    const rule = { name: "shared", limit: 3, windowSeconds: 60 };
    const a = new RateLimiter(db.prisma, clock(new Date(T0.getTime() + 15_000)));
    const b = new RateLimiter(other, clock(new Date(T0.getTime() + 15_000)));
    expect((await a.consume(rule, "k")).allowed).toBe(true);
    expect((await b.consume(rule, "k")).allowed).toBe(true);
    expect((await a.consume(rule, "k")).allowed).toBe(true);
    const refused = await b.consume(rule, "k");
    expect(refused).toEqual({ allowed: false, count: 4, retryAfterSeconds: 45, firstRefusal: true });
    const again = await a.consume(rule, "k");
    expect(again).toMatchObject({ allowed: false, count: 5, firstRefusal: false });
    // Another subject has its own budget.
    expect((await a.consume(rule, "other")).allowed).toBe(true);
  });

  it("counts concurrent attempts from both instances exactly (no lost updates)", async () => {
    const rule = { name: "race", limit: 10, windowSeconds: 3600 };
    const a = new RateLimiter(db.prisma, clock(T0));
    const b = new RateLimiter(other, clock(T0));
    const outcomes = await Promise.all(
      Array.from({ length: 24 }, (_, i) => (i % 2 ? a : b).consume(rule, "k")),
    );
    expect(outcomes.filter((o) => o.allowed)).toHaveLength(10);
    expect(outcomes.filter((o) => o.firstRefusal)).toHaveLength(1);
    const row = await db.prisma.rateLimitCounter.findFirstOrThrow({ where: { key: "race:k" } });
    expect(row.count).toBe(24);
  });

  it("a new window starts a fresh budget and deletes the key's past windows", async () => {
    const rule = { name: "windows", limit: 1, windowSeconds: 60 };
    const first = new RateLimiter(db.prisma, clock(T0));
    await first.consume(rule, "k");
    expect((await first.consume(rule, "k")).allowed).toBe(false);
    const next = new RateLimiter(other, clock(new Date(T0.getTime() + 60_000)));
    expect(await next.consume(rule, "k")).toMatchObject({ allowed: true, count: 1 });
    const rows = await db.prisma.rateLimitCounter.findMany({ where: { key: "windows:k" } });
    expect(rows.map((r) => r.windowStart.toISOString())).toEqual(["2026-01-01T10:01:00.000Z"]);
  });

  it("spends several budgets in one statement, each deciding and windowing on its own", async () => {
    const perKey = { name: "all-key", limit: 2, windowSeconds: 60 };
    const perIp = { name: "all-ip", limit: 3, windowSeconds: 120 };
    const at = new RateLimiter(db.prisma, clock(new Date(T0.getTime() + 90_000)));
    const spend = () =>
      at.consumeAll([
        { rule: perKey, subject: "k" },
        { rule: perIp, subject: "10.0.0.1" },
      ]);
    expect(await spend()).toEqual([
      { allowed: true, count: 1, retryAfterSeconds: 30, firstRefusal: false },
      { allowed: true, count: 1, retryAfterSeconds: 30, firstRefusal: false },
    ]);
    await spend();
    const third = await spend();
    expect(third.map((o) => [o.allowed, o.count, o.firstRefusal])).toEqual([
      [false, 3, true],
      [true, 3, false],
    ]);
    // The same counters as one budget at a time: the single-rule path reads what this wrote.
    expect(await at.consume(perIp, "10.0.0.1")).toMatchObject({
      allowed: false,
      count: 4,
      firstRefusal: true,
    });
  });
});
