import "server-only";

// Identical reads that overlap share one query: the second caller gets the first one's
// promise instead of starting the same scan again. Nothing is kept once the read settles,
// so no caller ever sees a result older than a query still running when it asked (no TTL,
// no invalidation to get wrong). Meant for expensive aggregates (the repository table's
// count reads every repository of the organisation) that many people load at once.
// The key must name everything the result depends on (organisation and every filter);
// callers authorise and check the organisation scope before they get here.
const inFlight = new Map<string, Promise<unknown>>();

export function shareInFlight<T>(key: string, read: () => Promise<T>): Promise<T> {
  const running = inFlight.get(key);
  if (running) return running as Promise<T>;
  const started = read().finally(() => inFlight.delete(key));
  inFlight.set(key, started);
  return started;
}
