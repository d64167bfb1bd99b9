// Phase two of the facts fetch: texts of chosen blobs, addressed by repository node id and
// path expression (no connections, so 1 point per query whatever its size). Built per
// request from a bounded list; callers keep each query under a byte budget.

export interface BlobTextRequest {
  repoNodeId: string;
  /** Path in the default branch (already a clean, validated path). */
  path: string;
}

export const BLOB_TEXTS_MAX_PER_QUERY = 200;

/** GraphQL string literal: JSON's escaping is a subset GraphQL accepts. */
const str = (s: string) => JSON.stringify(s);

export function buildBlobTextsQuery(items: readonly BlobTextRequest[]): { query: string; aliases: string[] } {
  const byRepo = new Map<string, Array<{ alias: string; path: string }>>();
  const aliases: string[] = [];
  items.forEach((item, i) => {
    const alias = `b${i}`;
    aliases.push(alias);
    byRepo.set(item.repoNodeId, [...(byRepo.get(item.repoNodeId) ?? []), { alias, path: item.path }]);
  });
  const repos = [...byRepo].map(([id, files], k) => {
    const fields = files
      .map(
        (f) =>
          `${f.alias}: object(expression: ${str(`HEAD:${f.path}`)}) { ... on Blob { oid isTruncated text } }`,
      )
      .join(" ");
    return `  r${k}: node(id: ${str(id)}) { ... on Repository { ${fields} } }`;
  });
  return {
    query: `query GatehouseBlobTexts {\n${repos.join("\n")}\n  rateLimit { cost remaining resetAt }\n}`,
    aliases,
  };
}

export interface BlobTextsResult {
  [repoAlias: `r${number}`]: Record<
    string,
    { oid: string; isTruncated: boolean; text: string | null } | null
  > | null;
  rateLimit: { cost: number } | null;
}
