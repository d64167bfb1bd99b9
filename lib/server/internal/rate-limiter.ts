import "server-only";
import { Prisma, type PrismaClient } from "../../generated/prisma/client";

// The rate limiter: fixed windows counted in Postgres (the RateLimitCounter table), so
// every web process shares one budget. One atomic upsert per attempt (INSERT … ON
// CONFLICT DO UPDATE … RETURNING) both counts and decides; no read-modify-write race.
// A count above the limit is the number of refusals in that window: refusals are
// counted here, and only the first refusal of a window is worth an audit row
// (`firstRefusal`), so a flood cannot flood the audit log.
//
// Why not rate-limiter-flexible's Postgres store: it needs its own `pg` pool beside
// Prisma's and creates its table at run time, which the runtime database role (no DDL)
// may not do; this is the same algorithm on the migrated table and the one client.

export interface RateLimitRule {
  /** Budget name, the key's prefix: "api-key", "sign-in-ip", … */
  name: string;
  limit: number;
  windowSeconds: number;
}

export interface RateLimitOutcome {
  allowed: boolean;
  /** Attempts in this window, this one included. */
  count: number;
  /** Seconds until the window ends (what Retry-After says). */
  retryAfterSeconds: number;
  /** This is the window's first refused attempt: audit it; later ones are only counted. */
  firstRefusal: boolean;
}

type Db = Pick<PrismaClient, "$queryRaw" | "$executeRaw">;

/** One attempt to spend from `rule`'s budget for `subject`. */
export interface Attempt {
  rule: RateLimitRule;
  subject: string;
}

export class RateLimiter {
  constructor(
    private readonly db: Db,
    /** Injected in tests; windows are aligned to multiples of their length. */
    private readonly now: () => Date = () => new Date(),
  ) {}

  async consume(rule: RateLimitRule, subject: string): Promise<RateLimitOutcome> {
    const [outcome] = await this.consumeAll([{ rule, subject }]);
    return outcome!;
  }

  /**
   * Spends one attempt from each budget with one statement (an API request spends its
   * key's and its IP's budgets: one round trip, not two). The attempts' keys must differ:
   * one INSERT … ON CONFLICT cannot update a row twice.
   */
  async consumeAll(attempts: readonly Attempt[]): Promise<RateLimitOutcome[]> {
    const at = this.now().getTime();
    const planned = attempts.map(({ rule, subject }) => {
      const windowMs = rule.windowSeconds * 1000;
      return {
        rule,
        key: `${rule.name}:${subject}`,
        windowStart: new Date(Math.floor(at / windowMs) * windowMs),
        windowMs,
      };
    });
    const rows = await this.db.$queryRaw<{ key: string; count: number }[]>`
      INSERT INTO "RateLimitCounter" ("key", "windowStart", "count")
      VALUES ${Prisma.join(planned.map((p) => Prisma.sql`(${p.key}, ${p.windowStart}, 1)`))}
      ON CONFLICT ("key", "windowStart")
      DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
      RETURNING "key", "count"`;
    const counts = new Map(rows.map((r) => [r.key, Number(r.count)]));
    return Promise.all(
      planned.map(async ({ rule, key, windowStart, windowMs }) => {
        const count = counts.get(key) ?? 1;
        // A new window: drop this key's past windows (the primary key's prefix finds them).
        if (count === 1)
          await this.db.$executeRaw`
            DELETE FROM "RateLimitCounter" WHERE "key" = ${key} AND "windowStart" < ${windowStart}`;
        const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - at) / 1000));
        return {
          allowed: count <= rule.limit,
          count,
          retryAfterSeconds,
          firstRefusal: count === rule.limit + 1,
        };
      }),
    );
  }
}
