// Large writes go to Postgres as JSON array documents of bounded size, one statement
// each, inside the caller's transaction. Why bounded: Prisma's debug module keeps the
// arguments of its last 100 calls whether or not DEBUG is set, so one multi-megabyte
// parameter per batch pins that much memory; a cap keeps what can be retained to a few MB.
// Why one JSON document: pg would otherwise escape every string into an array literal.
export const STATEMENT_JSON_CHARS = 256 * 1024;

/** Serialised items joined into `[…]` documents of at most `limit` characters (a larger single item gets its own). */
export function jsonArrayDocuments(items: Iterable<string>, limit = STATEMENT_JSON_CHARS): string[] {
  const docs: string[] = [];
  let chunk: string[] = [];
  let size = 2;
  for (const item of items) {
    if (chunk.length > 0 && size + item.length + 1 > limit) {
      docs.push(`[${chunk.join(",")}]`);
      chunk = [];
      size = 2;
    }
    chunk.push(item);
    size += item.length + 1;
  }
  if (chunk.length > 0) docs.push(`[${chunk.join(",")}]`);
  return docs;
}
