import { GraphQLError } from "graphql";

// Relay connections with GitHub's cursor style (opaque base64), first/after and last/before.

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

const encode = (i: number) => Buffer.from(`cursor:v2:${i}`).toString("base64");

function decode(cursor: string): number {
  const m = /^cursor:v2:(\d+)$/.exec(Buffer.from(cursor, "base64").toString("utf8"));
  if (!m)
    throw new GraphQLError(`\`${cursor}\` does not appear to be a valid cursor.`, {
      extensions: { type: "INVALID_CURSOR_ARGUMENTS" },
    });
  return Number(m[1]);
}

export function connection<T>(all: readonly T[], args: ConnectionArgs) {
  let start = 0;
  let end = all.length;
  if (args.after) start = Math.max(start, decode(args.after) + 1);
  if (args.before) end = Math.min(end, decode(args.before));
  if (typeof args.first === "number") end = Math.min(end, start + args.first);
  if (typeof args.last === "number") start = Math.max(start, end - args.last);
  const slice = all.slice(start, Math.max(start, end));
  const edges = slice.map((node, i) => ({ cursor: encode(start + i), node }));
  return {
    totalCount: all.length,
    nodes: slice,
    edges,
    pageInfo: {
      hasNextPage: end < all.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

export function nodeId(prefix: string, key: string): string {
  return `${prefix}_${Buffer.from(key).toString("base64url")}`;
}

export function parseNodeId(id: string): { prefix: string; key: string } | null {
  const m = /^([A-Z]+)_([A-Za-z0-9_-]+)$/.exec(id);
  return m ? { prefix: m[1]!, key: Buffer.from(m[2]!, "base64url").toString("utf8") } : null;
}
