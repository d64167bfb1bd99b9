import type { SimContext } from "../context";
import type { TokenInfo } from "../tokens";

export interface RestRequest {
  ctx: SimContext;
  method: string;
  template: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Null only on routes that authenticate differently (GitHub App JWT routes). */
  auth: TokenInfo | null;
  /** The raw Authorization credential (JWT routes read it). */
  credential: string | null;
  body: unknown;
}

export interface RestResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** A list to paginate with per_page/page; `wrap` turns the page into the body. */
  paginate?: { items: unknown[]; wrap?: (page: unknown[], total: number) => unknown; cursor?: CursorMode };
  /** Not charged to the primary limit (GET /rate_limit). */
  uncharged?: boolean;
}

/**
 * Cursor pagination (`before`/`after`): `only` for lists that refuse `page` (Dependabot alerts),
 * `optional` for lists that switch to cursors when one is given (secret scanning alerts).
 * `key` names an item stably, so a cursor survives items added before it.
 */
export interface CursorMode {
  only: boolean;
  key: (item: unknown) => string;
}

export type RestHandler = (r: RestRequest) => RestResponse | Promise<RestResponse>;

export type RouteTable = Record<string, RestHandler>;

export const DOCS_ROOT = "https://docs.github.com/rest";

export function ok(body: unknown, status = 200): RestResponse {
  return { status, body };
}

export function list(items: unknown[], wrap?: (page: unknown[], total: number) => unknown): RestResponse {
  return { status: 200, body: null, paginate: { items, wrap } };
}

export function notFound(docs = DOCS_ROOT): RestResponse {
  return { status: 404, body: { message: "Not Found", documentation_url: docs, status: "404" } };
}

export function errorBody(status: number, message: string, docs = DOCS_ROOT): RestResponse {
  return { status, body: { message, documentation_url: docs, status: String(status) } };
}
