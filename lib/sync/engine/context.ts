import type { GitHubClient } from "@/lib/github/client";
import type { RequestStats } from "@/lib/github/stats";
import type { RegistryConfig } from "../github/fetch-registry";
import type { SyncDb } from "../persist/db";
import type { PrismaEtagStore } from "../persist/etag-store";
import type { ActionRepoCache } from "../github/action-repos";

/** Everything a sync step needs; built by the worker (from the stored connection) or by tests. */
export interface SyncContext {
  db: SyncDb;
  organizationId: string;
  orgLogin: string;
  connectionId: string;
  /** REST base URL, as the client uses it (ETag keys start with it). */
  baseUrl: string;
  /** A client counting into `stats`, conditional requests answered from `etags`. */
  makeClient(stats: RequestStats, etags: PrismaEtagStore): Promise<GitHubClient>;
  /** Registry facts for container packages (opt-in: needs a registry reachable with read:packages). */
  registry?: RegistryConfig;
  /** Concurrent repositories per batch for the REST phase. */
  repoConcurrency?: number;
  /** owner/repo@ref → SHA (null: unresolvable), reused by the batches of this context. */
  actionRefCache?: Map<string, string | null>;
  /** Action repositories read this sync (archived, tags, reachable SHAs), shared by every batch. */
  actionRepoCache?: ActionRepoCache;
  /** Test hook: runs inside a batch's transaction just before commit. */
  beforeBatchCommit?: (runId: string, index: number) => Promise<void> | void;
}
