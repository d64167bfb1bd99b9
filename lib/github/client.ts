import Bottleneck from "bottleneck";
import { App, Octokit } from "octokit";
import type { GitHubCredentials } from "./auth/credentials";
import { guardedFetch, type OutboundPolicy } from "../net/outbound-url";
import { classifyGitHubError } from "./errors";
import { installConditionalRequests } from "./rest/conditional";
import type { EtagStore } from "./rest/etag-store";
import { installRetryAfterFallback } from "./retry-after";
import { RequestStats } from "./stats";

// The one place an Octokit is built. Policy:
// - throttling plugin: bounded concurrency; primary (403/429 + x-ratelimit-remaining 0 →
//   wait for x-ratelimit-reset) and secondary (retry-after) limits are waited out when the
//   wait is short enough, otherwise the error surfaces so the job can be rescheduled;
// - retry plugin: 5xx and timeouts retried at most `retries` (3) times with backoff;
//   permission errors (401/403 without rate-limit signals, 404) never retried;
// - every attempt times out after `timeoutMs`, so a hung connection cannot stall a sync.

export interface GitHubClientOptions {
  credentials: GitHubCredentials;
  /** https://api.github.com, https://ghes.example/api/v3, or the simulator's URL. */
  baseUrl?: string;
  timeoutMs?: number;
  retries?: number;
  /** Base of the quadratic 5xx backoff (1, 4, 9 × base); tests shorten it. */
  retryBaseMs?: number;
  /** Longest rate-limit wait we block for; longer waits throw (the job reschedules). */
  maxRateLimitWaitSeconds?: number;
  maxRateLimitRetries?: number;
  concurrency?: number;
  etagStore?: EtagStore;
  stats?: RequestStats;
  /** When set, every request and redirect hop is checked against it (lib/net). */
  outbound?: OutboundPolicy;
}

export interface GitHubClient {
  octokit: Octokit;
  stats: RequestStats;
}

function timedFetch(timeoutMs: number, stats: RequestStats, outbound?: OutboundPolicy): typeof fetch {
  const send = outbound ? guardedFetch(outbound) : fetch;
  return async (input, init) => {
    const signals = [AbortSignal.timeout(timeoutMs), ...(init?.signal ? [init.signal] : [])];
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    try {
      const res = await send(input, { ...init, signal: AbortSignal.any(signals) });
      stats.recordResponse(url, res.status, res.headers);
      return res;
    } catch (error) {
      stats.recordFailure(url);
      throw error;
    }
  };
}

function buildOctokitClass(opts: GitHubClientOptions, stats: RequestStats) {
  const maxWait = opts.maxRateLimitWaitSeconds ?? 120;
  const maxRetries = opts.maxRateLimitRetries ?? 3;
  const onLimit = (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) => {
    if (retryCount >= maxRetries || retryAfter > maxWait) return false;
    stats.retries++;
    stats.rateLimitWaitMs += retryAfter * 1000;
    return true;
  };
  const concurrency = opts.concurrency ?? 8;
  return Octokit.defaults({
    baseUrl: (opts.baseUrl ?? "https://api.github.com").replace(/\/$/, ""),
    userAgent: "gatehouse-sync",
    request: { fetch: timedFetch(opts.timeoutMs ?? 30_000, stats, opts.outbound) },
    retry: {
      retries: opts.retries ?? 3,
      retryAfterBaseValue: opts.retryBaseMs ?? 1000,
      doNotRetry: [304, 400, 401, 403, 404, 410, 422, 429, 451, 501],
    },
    throttle: {
      onRateLimit: onLimit,
      onSecondaryRateLimit: onLimit,
      // The plugin serialises all GraphQL as if it were mutations (1/s); sync only reads,
      // so queries share the REST concurrency budget instead.
      global: new Bottleneck.Group({ maxConcurrent: concurrency }),
      write: new Bottleneck.Group({ maxConcurrent: Math.max(1, Math.floor(concurrency / 2)) }),
      search: new Bottleneck.Group({ maxConcurrent: 1, minTime: 2000 }),
      notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 3000 }),
      auth: new Bottleneck.Group({ maxConcurrent: 1 }),
    },
  });
}

function instrument(octokit: Octokit, opts: GitHubClientOptions, stats: RequestStats): GitHubClient {
  installRetryAfterFallback(octokit, {
    maxWaitSeconds: opts.maxRateLimitWaitSeconds ?? 120,
    maxRetries: opts.maxRateLimitRetries ?? 3,
    stats,
  });
  if (opts.etagStore) installConditionalRequests(octokit, opts.etagStore);
  octokit.hook.error("request", (error) => {
    const e = error as { status?: number; message?: string; request?: { method?: string; url?: string } };
    if (e.status !== 304) stats.recordError(classifyGitHubError(error), describeFailure(e));
    throw error;
  });
  return { octokit, stats };
}

/** The request's method and path (never its query string, which may carry a cursor or secret). */
function describeFailure(e: {
  status?: number;
  message?: string;
  request?: { method?: string; url?: string };
}) {
  let path: string | undefined;
  try {
    path = e.request?.url ? new URL(e.request.url).pathname : undefined;
  } catch {
    path = undefined;
  }
  return {
    method: e.request?.method,
    path,
    status: e.status,
    message: e.message?.split("\n")[0]?.slice(0, 200),
  };
}

export async function createGitHubClient(opts: GitHubClientOptions): Promise<GitHubClient> {
  const stats = opts.stats ?? new RequestStats();
  const OctokitClass = buildOctokitClass(opts, stats);
  const c = opts.credentials;
  if (c.kind === "token") return instrument(new OctokitClass({ auth: c.token }), opts, stats);
  const app = new App({ appId: c.appId, privateKey: c.privateKey, Octokit: OctokitClass });
  const octokit = (await app.getInstallationOctokit(c.installationId)) as Octokit;
  return instrument(octokit, opts, stats);
}
