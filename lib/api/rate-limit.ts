import "server-only";
import type { Actor } from "../server/authz/actor";

// THE RATE-LIMIT SEAM. Every authenticated /api/v1 request calls checkApiRateLimit()
// after the key is resolved and before the handler runs; a refusal becomes
// 429 { error: { code: "rate_limited" } } with Retry-After. Today it allows everything:
// the Postgres-backed limiter (shared by every web process) replaces this body, keeping
// the signature, so no route changes.
export interface RateLimitSubject {
  /** The resolved key's Actor: `userId` is "api-key:<ApiKey.id>". */
  actor: Actor;
  /** The OpenAPI path template, e.g. "/api/v1/orgs/{org}/repos", and the method. */
  route: string;
  method: string;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export async function checkApiRateLimit(_subject: RateLimitSubject): Promise<RateLimitDecision> {
  return { allowed: true };
}
