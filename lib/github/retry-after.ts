import type { Octokit } from "octokit";
import { RateLimitedError } from "./errors";
import type { RequestStats } from "./stats";

// The throttling plugin recognises GitHub's two documented rate-limit shapes (a
// "secondary rate limit" message, or x-ratelimit-remaining: 0). Proxies and GHES
// front-ends also send a bare 429/403 with retry-after; this wrap honours those too,
// and turns any wait we will not block for into a RateLimitedError carrying the time
// to retry, so the job queue can reschedule instead of holding a worker.

interface ErrorLike {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined> };
}

/** Seconds GitHub asked us to wait, or null when the error carries no rate-limit signal. */
export function rateLimitWaitSeconds(error: ErrorLike, nowMs: number): number | null {
  if (error.status !== 403 && error.status !== 429) return null;
  const h = error.response?.headers ?? {};
  const retryAfter = Number(h["retry-after"]);
  if (h["retry-after"] !== undefined && Number.isFinite(retryAfter)) return Math.max(0, retryAfter);
  if (h["x-ratelimit-remaining"] === "0" && h["x-ratelimit-reset"] !== undefined) {
    return Math.max(0, Math.ceil((Number(h["x-ratelimit-reset"]) * 1000 - nowMs) / 1000) + 1);
  }
  if (/secondary rate limit/i.test(error.message ?? "")) return 60;
  return error.status === 429 ? 60 : null;
}

/** True when octokit's throttling plugin already waited (and gave up) on this error. */
function throttlePluginHandles(error: ErrorLike): boolean {
  const h = error.response?.headers ?? {};
  return /\bsecondary rate\b/i.test(error.message ?? "") || h["x-ratelimit-remaining"] === "0";
}

export interface RetryAfterOptions {
  maxWaitSeconds: number;
  maxRetries: number;
  stats: RequestStats;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function installRetryAfterFallback(octokit: Octokit, opts: RetryAfterOptions): void {
  const sleep = opts.sleep ?? defaultSleep;
  octokit.hook.wrap("request", async (request, options) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(options);
      } catch (error) {
        const wait = rateLimitWaitSeconds(error as ErrorLike, Date.now());
        if (wait === null) throw error;
        const mayWait =
          !throttlePluginHandles(error as ErrorLike) &&
          attempt < opts.maxRetries &&
          wait <= opts.maxWaitSeconds;
        if (!mayWait)
          throw Object.assign(new RateLimitedError(Date.now() + wait * 1000), {
            cause: error,
            status: (error as ErrorLike).status,
          });
        opts.stats.retries++;
        opts.stats.rateLimitWaitMs += wait * 1000;
        await sleep(wait * 1000);
      }
    }
  });
}
