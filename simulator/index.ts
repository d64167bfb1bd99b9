import type { SimContext as Ctx } from "./context";
import { SimContext, type PushChange } from "./context";
import type { FaultConfig } from "./faults";
import { loadOrgFixture } from "./fixture/load";
import type { OrgFixture } from "./fixture/types";
import type { LimitConfig } from "./limits";
import { listen } from "./server";
import type { SimulatorStats } from "./stats";

export type { FaultConfig, FaultRule } from "./faults";
export type { OrgFixture, RepoFixture } from "./fixture/types";
export { FixtureError, defineOrgFixture } from "./fixture/types";
export { loadOrgFixture } from "./fixture/load";
export { generateOrg, type GenerateOptions } from "./generator/generate";
export { writeOrgFixture } from "./generator/write";
export type { LimitConfig } from "./limits";
export type { PushChange } from "./context";
export type { SimulatorStats, TokenStats } from "./stats";

export interface StartSimulatorOptions {
  /** A fixture object (e.g. from `generateOrg`/`defineOrgFixture`) or a fixture directory. */
  fixture: OrgFixture | string;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: "127.0.0.1" | "localhost" | "::1";
  faults?: FaultConfig;
  /** Override GitHub's limits (e.g. a tiny budget to test throttling). */
  limits?: Partial<LimitConfig>;
  /** Clock in epoch ms, for tests that move time (code expiry, limit resets). */
  now?: () => number;
}

export interface Simulator {
  /** Base URL for everything: OAuth (`/login/oauth/*`), REST (`/repos/...`) and `/graphql`. */
  url: string;
  close(): Promise<void>;
  /** Live counters (REST requests, 304s, GraphQL queries/points, per token). */
  stats: SimulatorStats;
  /** Replaces the active fault rules (counters restart). */
  setFaults(f: FaultConfig | undefined): void;
  /** Simulates a push to a repository's default branch (files, message, pushedAt); settings can be edited in place on `fixture`. */
  push(repo: string, change: PushChange): void;
  /** Issues a token as if `login` had completed OAuth (handy for sync tests). */
  issueToken(login: string, scopes?: string[]): string;
  fixture: OrgFixture;
  /** Internal state, for the simulator's own tests. */
  context: Ctx;
}

/**
 * Starts the GitHub simulator on loopback.
 *
 * Configure next-auth's GitHub provider with `authorization: `${url}/login/oauth/authorize``,
 * `token: `${url}/login/oauth/access_token`` and `userinfo: `${url}/user`` and the fixture's
 * `oauthApp` client id/secret; point octokit at `baseUrl: url` (GraphQL at `${url}/graphql`).
 */
export async function startSimulator(opts: StartSimulatorOptions): Promise<Simulator> {
  const fixture = typeof opts.fixture === "string" ? await loadOrgFixture(opts.fixture) : opts.fixture;
  const ctx = new SimContext(fixture, opts.now ?? Date.now, opts.limits, opts.faults);
  const running = await listen(ctx, opts.host ?? "127.0.0.1", opts.port ?? 0);
  return {
    url: running.url,
    close: running.close,
    stats: ctx.stats,
    setFaults: (f) => ctx.faults.set(f),
    push: (repo, change) => void ctx.push(repo, change),
    issueToken: (login, scopes = ["repo", "read:org", "read:packages"]) =>
      ctx.tokens.issueToken("oauth", login, scopes).token,
    fixture,
    context: ctx,
  };
}
