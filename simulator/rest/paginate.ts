import { createHash } from "node:crypto";

// Pagination and conditional-request helpers with GitHub's wire formats.

function pageParams(query: URLSearchParams): { perPage: number; page: number } {
  const perRaw = Number(query.get("per_page") ?? 30);
  const pageRaw = Number(query.get("page") ?? 1);
  const perPage = Number.isFinite(perRaw) && perRaw >= 1 ? Math.min(100, Math.floor(perRaw)) : 30;
  const page = Number.isFinite(pageRaw) && pageRaw >= 1 ? Math.floor(pageRaw) : 1;
  return { perPage, page };
}

/** `Link` header as GitHub writes it: next/last on the first page, prev/first after. */
function linkHeader(requestUrl: URL, page: number, perPage: number, total: number): string | null {
  const last = Math.max(1, Math.ceil(total / perPage));
  const at = (p: number) => {
    const u = new URL(requestUrl.toString());
    u.searchParams.set("per_page", String(perPage));
    u.searchParams.set("page", String(p));
    return `<${u.toString()}>`;
  };
  const links: string[] = [];
  if (page > 1) links.push(`${at(Math.min(page - 1, last))}; rel="prev"`);
  if (page < last) links.push(`${at(page + 1)}; rel="next"`, `${at(last)}; rel="last"`);
  if (page > 1) links.push(`${at(1)}; rel="first"`);
  return links.length > 0 ? links.join(", ") : null;
}

/** `page`/`per_page` pagination with GitHub's `Link` (next/last, then prev/first). */
export function offsetPage(requestUrl: URL, items: readonly unknown[]): PageResult {
  const { perPage, page } = pageParams(requestUrl.searchParams);
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    link: linkHeader(requestUrl, page, perPage, items.length),
  };
}

/** Weak ETag over the body and the credential: GitHub's ETags differ per token. */
export function weakEtag(body: string, token: string): string {
  return `W/"${createHash("sha256").update(token).update("\0").update(body).digest("hex")}"`;
}

export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((t) => t.trim() === "*" || bare(t) === bare(etag));
}

/** Opaque cursors as GitHub's alert lists hand out in `Link` (they name an item, not an offset). */
const encodeCursor = (key: string) => Buffer.from(`v1:${key}`).toString("base64url");

function decodeCursor(cursor: string): string | null {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  return text.startsWith("v1:") ? text.slice(3) : null;
}

export type PageResult = { items: unknown[]; link: string | null } | { error: string };

/**
 * Cursor pagination (`before`/`after`/`per_page`): the page after (or before) the item a
 * cursor names, and a `Link` with `next`/`prev` cursors only — there is no `last` page.
 */
export function cursorPage(
  requestUrl: URL,
  items: readonly unknown[],
  key: (item: unknown) => string,
): PageResult {
  const { perPage } = pageParams(requestUrl.searchParams);
  const after = requestUrl.searchParams.get("after");
  const before = requestUrl.searchParams.get("before");
  const indexOf = (cursor: string) => {
    const k = decodeCursor(cursor);
    return k === null ? -1 : items.findIndex((i) => key(i) === k);
  };
  let start = 0;
  let end = items.length;
  if (after) {
    const i = indexOf(after);
    if (i < 0) return { error: "`after` cursor is invalid or no longer exists." };
    start = i + 1;
    end = Math.min(items.length, start + perPage);
  } else if (before) {
    const i = indexOf(before);
    if (i < 0) return { error: "`before` cursor is invalid or no longer exists." };
    end = i;
    start = Math.max(0, end - perPage);
  } else end = Math.min(items.length, perPage);
  const slice = items.slice(start, end);
  const at = (rel: "after" | "before", cursor: string) => {
    const u = new URL(requestUrl.toString());
    u.searchParams.delete("after");
    u.searchParams.delete("before");
    u.searchParams.delete("page");
    u.searchParams.set("per_page", String(perPage));
    u.searchParams.set(rel, cursor);
    return `<${u.toString()}>`;
  };
  const links: string[] = [];
  if (start > 0 && slice.length > 0) links.push(`${at("before", encodeCursor(key(slice[0])))}; rel="prev"`);
  if (end < items.length && slice.length > 0)
    links.push(`${at("after", encodeCursor(key(slice[slice.length - 1])))}; rel="next"`);
  return { items: slice, link: links.length > 0 ? links.join(", ") : null };
}
