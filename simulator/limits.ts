// Per-token rate limits as GitHub documents them: primary hourly budgets for REST (requests)
// and GraphQL (query cost points), and secondary limits (concurrency, points per minute).

export interface LimitConfig {
  restPerHour: number;
  graphqlPointsPerHour: number;
  /** Concurrent in-flight requests per token. */
  concurrency: number;
  /** Secondary REST points per minute per endpoint (GET 1 point, writes 5). */
  restPointsPerMinute: number;
  /** Secondary GraphQL points per minute (1 per query, 5 per mutation). */
  graphqlPointsPerMinute: number;
}

export const DEFAULT_LIMITS: LimitConfig = {
  restPerHour: 5000,
  graphqlPointsPerHour: 5000,
  concurrency: 100,
  restPointsPerMinute: 900,
  graphqlPointsPerMinute: 2000,
};

export type Resource = "core" | "graphql";

interface Bucket {
  used: number;
  resetAt: number;
}

export interface BucketView {
  limit: number;
  used: number;
  remaining: number;
  /** Epoch seconds. */
  reset: number;
  resource: Resource;
}

export class RateLimiter {
  private readonly hourly = new Map<string, Bucket>();
  private readonly minute = new Map<string, Bucket>();
  private readonly inFlight = new Map<string, number>();

  constructor(
    public config: LimitConfig,
    private readonly now: () => number,
  ) {}

  private bucket(map: Map<string, Bucket>, key: string, windowMs: number): Bucket {
    const t = this.now();
    let b = map.get(key);
    if (!b || b.resetAt <= t) {
      b = { used: 0, resetAt: t + windowMs };
      map.set(key, b);
    }
    return b;
  }

  view(token: string, resource: Resource): BucketView {
    const b = this.bucket(this.hourly, `${resource}:${token}`, 3_600_000);
    const limit = resource === "core" ? this.config.restPerHour : this.config.graphqlPointsPerHour;
    return {
      limit,
      used: b.used,
      remaining: Math.max(0, limit - b.used),
      reset: Math.ceil(b.resetAt / 1000),
      resource,
    };
  }

  charge(token: string, resource: Resource, points: number): BucketView {
    this.bucket(this.hourly, `${resource}:${token}`, 3_600_000).used += points;
    return this.view(token, resource);
  }

  /** Marks the primary budget exhausted (fault injection). */
  exhaust(token: string, resource: Resource): BucketView {
    const v = this.view(token, resource);
    return this.charge(token, resource, v.remaining);
  }

  /** Spends secondary points for one endpoint; returns seconds to wait when over the limit. */
  spendMinute(token: string, endpoint: string, resource: Resource, points: number): number | null {
    const b = this.bucket(this.minute, `${resource}:${token}:${endpoint}`, 60_000);
    const limit = resource === "core" ? this.config.restPointsPerMinute : this.config.graphqlPointsPerMinute;
    if (b.used + points > limit) return Math.max(1, Math.ceil((b.resetAt - this.now()) / 1000));
    b.used += points;
    return null;
  }

  enter(token: string): boolean {
    const n = this.inFlight.get(token) ?? 0;
    if (n >= this.config.concurrency) return false;
    this.inFlight.set(token, n + 1);
    return true;
  }

  leave(token: string): void {
    const n = (this.inFlight.get(token) ?? 1) - 1;
    if (n <= 0) this.inFlight.delete(token);
    else this.inFlight.set(token, n);
  }
}

export function rateLimitHeaders(v: BucketView): Record<string, string> {
  return {
    "x-ratelimit-limit": String(v.limit),
    "x-ratelimit-remaining": String(v.remaining),
    "x-ratelimit-used": String(v.used),
    "x-ratelimit-reset": String(v.reset),
    "x-ratelimit-resource": v.resource,
  };
}
