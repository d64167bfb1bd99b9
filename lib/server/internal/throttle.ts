import "server-only";
import { getDb } from "../../db";
import { getRateLimits } from "../../env";
import { appendAuditEntry, type AuditActor } from "./append-audit-entry";
import { RateLimiter, type Attempt, type RateLimitOutcome, type RateLimitRule } from "./rate-limiter";

// The instance's budgets, and the one way to spend from them. Every budget is counted in
// Postgres (./rate-limiter.ts), so it holds across web processes.

const MINUTE = 60;
const HOUR = 60 * 60;

export function rateLimitRules() {
  const { apiPerMinute, signInPerMinute } = getRateLimits();
  return {
    apiKey: { name: "api-key", limit: apiPerMinute, windowSeconds: MINUTE },
    apiIp: { name: "api-ip", limit: apiPerMinute * 2, windowSeconds: MINUTE },
    signInIp: { name: "sign-in-ip", limit: signInPerMinute, windowSeconds: MINUTE },
  } satisfies Record<string, RateLimitRule>;
}

/** Fixed budgets (no configuration, so code that runs without a full environment can use them). */
export const FIXED_RULES = {
  /** Refused actions audited one row each per user and hour; the rest are counted. */
  authzDenied: { name: "authz-denied", limit: 20, windowSeconds: HOUR },
  /** Webhook deliveries per client IP and minute (GitHub's senders stay far below). */
  webhookIp: { name: "webhook-ip", limit: 1200, windowSeconds: MINUTE },
  /** Bad webhook signatures audited one row per client IP and hour; the rest are counted. */
  webhookBadSignature: { name: "webhook-bad-signature", limit: 1, windowSeconds: HOUR },
} satisfies Record<string, RateLimitRule>;

const g = globalThis as unknown as { gatehouseRateLimiter?: RateLimiter };

function limiter(): RateLimiter {
  g.gatehouseRateLimiter ??= new RateLimiter(getDb());
  return g.gatehouseRateLimiter;
}

/**
 * Spends one attempt of `rule` for `subject`. The window's first refusal is audited as
 * `rate_limit.exceeded` (one row); later refusals in the window are only counted.
 */
export async function throttle(
  rule: RateLimitRule,
  subject: string,
  actor: AuditActor | null,
): Promise<RateLimitOutcome> {
  const [outcome] = await throttleAll([{ rule, subject }], actor);
  return outcome!;
}

/** throttle() for several budgets at once, counted in one statement (distinct budgets or subjects). */
export async function throttleAll(
  attempts: readonly Attempt[],
  actor: AuditActor | null,
): Promise<RateLimitOutcome[]> {
  const outcomes = await limiter().consumeAll(attempts);
  for (const [i, outcome] of outcomes.entries()) {
    const { rule, subject } = attempts[i]!;
    if (outcome.firstRefusal)
      await appendAuditEntry(actor, {
        action: "rate_limit.exceeded",
        targetType: "rate_limit",
        targetId: `${rule.name}:${subject}`,
        details: { limit: rule.limit, windowSeconds: rule.windowSeconds },
      });
  }
  return outcomes;
}
