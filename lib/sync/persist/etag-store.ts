import type { CachedResponse, EtagStore } from "@/lib/github/rest/etag-store";
import { likePrefix, type SyncDb, type SyncTx } from "./db";

// ETags persisted in Postgres, per connection. Reads come from memory after a bulk
// preload (one query per batch instead of one per request); writes are buffered and
// flushed inside the batch's transaction, so a crashed batch leaves no validator whose
// body it never stored facts for.

export class PrismaEtagStore implements EtagStore {
  private readonly loaded = new Map<string, CachedResponse>();
  private readonly pending = new Map<string, CachedResponse>();

  constructor(
    private readonly db: SyncDb,
    private readonly connectionId: string,
  ) {}

  /** Loads every cached URL starting with one of `prefixes`. */
  async preload(prefixes: string[]): Promise<void> {
    if (prefixes.length === 0) return;
    const rows = await this.db.$queryRawUnsafe<Array<{ url: string; etag: string; body: unknown; link: string | null }>>(
      `SELECT url, etag, body, link FROM "EtagCache" WHERE "connectionId" = $1 AND url LIKE ANY($2::text[])`,
      this.connectionId,
      prefixes.map(likePrefix),
    );
    for (const r of rows) this.loaded.set(r.url, { etag: r.etag, data: r.body, link: r.link });
  }

  async get(key: string): Promise<CachedResponse | undefined> {
    return this.pending.get(key) ?? this.loaded.get(key);
  }

  async set(key: string, value: CachedResponse): Promise<void> {
    this.pending.set(key, value);
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  async flush(tx: SyncTx): Promise<void> {
    if (this.pending.size === 0) return;
    const entries = [...this.pending];
    await tx.$executeRawUnsafe(
      `INSERT INTO "EtagCache" ("connectionId", url, etag, body, link, "updatedAt")
       SELECT $1, u, e, b::jsonb, l, now() FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS t(u, e, b, l)
       ON CONFLICT ("connectionId", url) DO UPDATE SET etag = EXCLUDED.etag, body = EXCLUDED.body, link = EXCLUDED.link, "updatedAt" = now()`,
      this.connectionId,
      entries.map(([k]) => k),
      entries.map(([, v]) => v.etag),
      entries.map(([, v]) => JSON.stringify(v.data ?? null)),
      entries.map(([, v]) => v.link),
    );
    for (const [k, v] of entries) this.loaded.set(k, v);
    this.pending.clear();
  }

  /** Forget unflushed validators (after a failed batch, so a retry starts clean). */
  discardPending(): void {
    this.pending.clear();
  }
}
