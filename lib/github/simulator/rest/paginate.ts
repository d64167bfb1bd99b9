import { createHash } from "node:crypto";

// Pagination and conditional-request helpers with GitHub's wire formats.

export function pageParams(query: URLSearchParams): { perPage: number; page: number } {
  const perRaw = Number(query.get("per_page") ?? 30);
  const pageRaw = Number(query.get("page") ?? 1);
  const perPage = Number.isFinite(perRaw) && perRaw >= 1 ? Math.min(100, Math.floor(perRaw)) : 30;
  const page = Number.isFinite(pageRaw) && pageRaw >= 1 ? Math.floor(pageRaw) : 1;
  return { perPage, page };
}

/** `Link` header as GitHub writes it: next/last on the first page, prev/first after. */
export function linkHeader(requestUrl: URL, page: number, perPage: number, total: number): string | null {
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

/** Weak ETag over the body and the credential: GitHub's ETags differ per token. */
export function weakEtag(body: string, token: string): string {
  return `W/"${createHash("sha256").update(token).update("\0").update(body).digest("hex")}"`;
}

export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((t) => t.trim() === "*" || bare(t) === bare(etag));
}
