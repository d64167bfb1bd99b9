import { FaultEngine, type FaultConfig } from "./faults";
import type { OrgFixture, RepoFixture } from "./fixture/types";
import { buildRepoGit, type RepoGit } from "./git";
import { DEFAULT_LIMITS, RateLimiter, type LimitConfig } from "./limits";
import { createStats, type SimulatorStats } from "./stats";
import { TokenStore } from "./tokens";
import { collectUsers, type SimUser } from "./users";

export interface PushChange {
  /** path → new text, or null to delete the file. */
  files?: Record<string, string | null>;
  message?: string;
  /** ISO-8601; default: now (always later than the previous push). */
  pushedAt?: string;
}

/** Everything a request handler may read or update; one per running simulator. */
export class SimContext {
  baseUrl = "";
  users = new Map<string, SimUser>();
  readonly tokens: TokenStore;
  readonly limits: RateLimiter;
  readonly stats: SimulatorStats = createStats();
  readonly faults: FaultEngine;
  private readonly reposByName = new Map<string, RepoFixture>();
  private readonly gitCache = new Map<string, RepoGit>();

  constructor(
    readonly fixture: OrgFixture,
    readonly now: () => number,
    limits: Partial<LimitConfig> = {},
    faults?: FaultConfig,
  ) {
    this.tokens = new TokenStore(now);
    this.limits = new RateLimiter({ ...DEFAULT_LIMITS, ...limits }, now);
    this.faults = new FaultEngine(faults);
    for (const r of fixture.repos) this.reposByName.set(r.name.toLowerCase(), r);
    for (const t of fixture.org.tokens)
      this.tokens.addStatic({ token: t.token, kind: "pat", login: t.login, scopes: t.scopes });
  }

  /** Called once the server listens and its URL (used in avatar and API URLs) is known. */
  setBaseUrl(url: string): void {
    this.baseUrl = url;
    this.users = collectUsers(this.fixture, url);
  }

  get org() {
    return this.fixture.org;
  }

  isOrg(login: string): boolean {
    return login.toLowerCase() === this.fixture.org.login.toLowerCase();
  }

  /** The repository `owner/name` when the owner is the fixture's org. */
  repo(owner: string, name: string): RepoFixture | undefined {
    return this.isOrg(owner) ? this.reposByName.get(name.toLowerCase()) : undefined;
  }

  /**
   * A push to the default branch: applies file changes (null deletes), moves pushedAt and the
   * head commit, and drops cached git objects so new oids are served.
   */
  push(name: string, change: PushChange): RepoFixture {
    const repo = this.reposByName.get(name.toLowerCase());
    if (!repo) throw new Error(`no repository ${name} in the simulated org`);
    const files = { ...repo.files };
    for (const [p, text] of Object.entries(change.files ?? {})) {
      if (text === null) delete files[p];
      else files[p] = text;
    }
    repo.files = files;
    repo.config.pushedAt =
      change.pushedAt ??
      new Date(Math.max(this.now(), Date.parse(repo.config.pushedAt) + 1000))
        .toISOString()
        .replace(/\.\d{3}Z$/, "Z");
    repo.config.headMessage = change.message ?? `Push at ${repo.config.pushedAt}`;
    this.gitCache.delete(repo.name);
    return repo;
  }

  /** Git objects of a repository, built on first use (10k-repo orgs stay cheap to start). */
  git(repo: RepoFixture): RepoGit {
    let g = this.gitCache.get(repo.name);
    if (!g) {
      g = buildRepoGit(repo, this.fixture.org.login);
      if (this.gitCache.size > 2_000) this.gitCache.clear();
      this.gitCache.set(repo.name, g);
    }
    return g;
  }
}
