// Where conditional-request validators live. An ETag is only valid for the token that
// fetched it, so a store belongs to one GitHub connection. The Postgres-backed store is
// in lib/sync/persist; this in-memory one serves tests and one-shot CLI runs.

export interface CachedResponse {
  etag: string;
  data: unknown;
  /** The `link` header of the cached page, so pagination continues on a 304. */
  link: string | null;
}

export interface EtagStore {
  get(key: string): Promise<CachedResponse | undefined>;
  set(key: string, value: CachedResponse): Promise<void>;
}

export class MemoryEtagStore implements EtagStore {
  readonly entries = new Map<string, CachedResponse>();

  async get(key: string): Promise<CachedResponse | undefined> {
    return this.entries.get(key);
  }

  async set(key: string, value: CachedResponse): Promise<void> {
    this.entries.set(key, value);
  }
}
