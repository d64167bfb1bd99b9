import type { CachedResponse, EtagStore } from "@/lib/github/rest/etag-store";
import { likePrefix, type SyncDb, type SyncTx } from "./db";
import { jsonArrayDocuments } from "./json-chunks";

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
    const rows = await this.db.$queryRawUnsafe<
      Array<{ url: string; etag: string; body: unknown; link: string | null }>
    >(
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
    // Bounded statements (see json-chunks.ts): org-wide alert pages alone can be megabytes.
    const docs = jsonArrayDocuments(
      entries.map(([u, v]) => JSON.stringify({ u, e: v.etag, b: v.data ?? null, l: v.link ?? null })),
    );
    for (const doc of docs) {
      await tx.$executeRawUnsafe(
        `INSERT INTO "EtagCache" ("connectionId", url, etag, body, link, "updatedAt")
         SELECT $1, u, e, COALESCE(b, 'null'::jsonb), l, now() FROM jsonb_to_recordset($2::jsonb) AS t(u text, e text, b jsonb, l text)
         ON CONFLICT ("connectionId", url) DO UPDATE SET etag = EXCLUDED.etag, body = EXCLUDED.body, link = EXCLUDED.link, "updatedAt" = now()`,
        this.connectionId,
        doc,
      );
    }
    for (const [k, v] of entries) this.loaded.set(k, v);
    this.pending.clear();
  }

  /** Forget unflushed validators (after a failed batch, so a retry starts clean). */
  discardPending(): void {
    this.pending.clear();
  }
}
