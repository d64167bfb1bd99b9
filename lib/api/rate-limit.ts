import "server-only";
import type { Actor } from "../server/authz/actor";
import { rateLimitRules, throttleAll } from "../server/internal/throttle";

// THE RATE-LIMIT SEAM. Every authenticated /api/v1 request calls checkApiRateLimit()
// after the key is resolved and before the handler runs; a refusal becomes
// 429 { error: { code: "rate_limited" } } with Retry-After. Budgets are per API key and
// per client IP, counted in Postgres so every web process shares them.
export interface RateLimitSubject {
  /** The resolved key's Actor: `userId` is "api-key:<ApiKey.id>". */
  actor: Actor;
  /** The OpenAPI path template, e.g. "/api/v1/orgs/{org}/repos", and the method. */
  route: string;
  method: string;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export async function checkApiRateLimit({ actor }: RateLimitSubject): Promise<RateLimitDecision> {
  const rules = rateLimitRules();
  // Both budgets in one statement: one round trip per API request instead of two.
  const outcomes = await throttleAll(
    [
      { rule: rules.apiKey, subject: actor.userId },
      ...(actor.ip ? [{ rule: rules.apiIp, subject: actor.ip }] : []),
    ],
    actor,
  );
  const refused = outcomes.filter((o) => !o.allowed);
  if (refused.length === 0) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(...refused.map((o) => o.retryAfterSeconds)) };
}
