import type { ErrorKind } from "./stats";

// One vocabulary for what went wrong talking to GitHub, so sync runs can report
// "errors by kind" and callers can decide to skip (permission) or reschedule (rate limit).

interface HttpishError {
  status?: number;
  name?: string;
  message?: string;
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
  cause?: unknown;
}

function isRateLimited(e: HttpishError): boolean {
  const h = e.response?.headers ?? {};
  if (
    (e.status === 403 || e.status === 429) &&
    (h["x-ratelimit-remaining"] === "0" || h["retry-after"] !== undefined)
  )
    return true;
  if (/secondary rate limit|rate limit exceeded/i.test(e.message ?? "")) return true;
  const data = e.response?.data as { errors?: Array<{ type?: string }> } | undefined;
  return Array.isArray(data?.errors) && data.errors.some((x) => x?.type === "RATE_LIMITED");
}

function isTimeout(e: HttpishError): boolean {
  const cause = e.cause as HttpishError | undefined;
  return (
    e.name === "TimeoutError" ||
    cause?.name === "TimeoutError" ||
    /aborted due to timeout|timed? ?out/i.test(e.message ?? "")
  );
}

export function classifyGitHubError(error: unknown): ErrorKind {
  if (typeof error !== "object" || error === null) return "other";
  const e = error as HttpishError;
  if (e.name === "RateLimitedError" || isRateLimited(e)) return "rate_limited";
  if (isTimeout(e)) return "timeout";
  if (e.name === "GraphqlResponseError") return "graphql";
  const status = e.status;
  if (status === 401 || status === 403) return "permission";
  if (status === 404 || status === 410) return "not_found";
  if (status === 500 && e.response === undefined) return "network";
  if (status !== undefined && status >= 500) return "server";
  return "other";
}

/** Thrown when GitHub asks us to wait longer than the sync is willing to block. */
export class RateLimitedError extends Error {
  constructor(readonly retryAtMs: number) {
    super(`GitHub rate limit: retry after ${new Date(retryAtMs).toISOString()}`);
    this.name = "RateLimitedError";
  }
}
