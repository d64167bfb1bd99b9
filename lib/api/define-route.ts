import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { requestMetaFrom } from "../server/internal/request-context";
import { readBoundedBody } from "../http/read-bounded-body";
import { logger } from "../logger";
import type { Actor } from "../server/authz/actor";
import { resolveApiKey } from "../server/internal/resolve-api-key";
import { apiError, describeZodError, expectedErrorResponse, NO_STORE } from "./errors";
import { checkApiRateLimit } from "./rate-limit";
import { requestActor } from "./request-actor";

// The /api/v1 route wrapper: one call per route file turns a declared contract (zod
// params/query/body, response) and a handler into a Next route handler that
//   1. resolves the bearer key into an Actor (401 if there is none),
//   2. asks the rate-limit seam (429),
//   3. validates params (404), query and body (422; unknown fields refused by .strict()),
//   4. runs the handler, which calls the same lib/server functions as the pages
//      (so authorisation is identical: AppErrors map to 401/403/404/409/422),
//   5. passes the result through the response schema (a whitelist: undeclared fields
//      never leave) and answers { data } or, for lists, { data, total, … }, no-store.
// The same contract feeds the OpenAPI document (./openapi.ts) via `handler.contract`.

export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
type Obj = z.ZodObject;
type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;
/** A route that declares no query refuses any (422), like a declared `.strict()` one. */
const NO_QUERY = z.object({}).strict();

export interface RouteContract<P, Q, B, R extends z.ZodType> {
  method: HttpMethod;
  /** OpenAPI path template; a test checks it matches the route file's folder. */
  path: `/api/v1/${string}`;
  summary: string;
  description?: string;
  tags: string[];
  params?: P;
  query?: Q;
  body?: B;
  /**
   * A body taken as it is, not as JSON to validate (a file upload such as THREATS.md):
   * the media types accepted, each with what it means for the OpenAPI document. The
   * wrapper refuses any other Content-Type and anything over `maxBytes` (422), and hands
   * the text to the handler as `raw`. Exclusive with `body`.
   */
  rawBody?: { types: Record<string, string>; maxBytes: number };
  /** The schema of `data` (for lists: of one item). */
  response: R;
  /** A list answers { data: item[], total, page?, pageSize? }. */
  list?: boolean;
  /**
   * Also serves the dashboard session when no Authorization header is sent (routes the
   * browser calls, such as the threat-model editor's GET and PUT). Never for POST: a
   * cross-site form can send a cookie-authenticated POST without a preflight.
   */
  session?: boolean;
}

export interface HandlerInput<P, Q, B> {
  actor: Actor;
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
  /** With `rawBody`: the request's media type (one of `rawBody.types`) and its text. */
  raw?: { type: string; text: string };
  request: Request;
}

export interface ListResult<T> {
  items: T[];
  total: number;
  page?: number;
  pageSize?: number;
  /** Cursor-paged lists: what to pass as `cursor` for the next page (null on the last). */
  nextCursor?: string | null;
}

type NextContext = { params: Promise<Record<string, string | string[] | undefined>> };
export type ApiHandler = ((request: Request, context: NextContext) => Promise<Response>) & {
  contract: RouteContract<Obj | undefined, Obj | undefined, Obj | undefined, z.ZodType>;
};

function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of url.searchParams) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

async function readBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new BadInput("body: not valid JSON");
  }
}

class BadInput extends Error {}

/** A raw body of an accepted media type, within its size; anything else is BadInput. */
async function readRawBody(
  request: Request,
  spec: NonNullable<RouteContract<unknown, unknown, unknown, z.ZodType>["rawBody"]>,
): Promise<{ type: string; text: string }> {
  const accepted = Object.keys(spec.types);
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!accepted.includes(type))
    throw new BadInput(`content-type: expected ${accepted.join(" or ")}, got ${type || "none"}`);
  // Streamed with a bound, so an oversized upload is refused without being read whole.
  const body = await readBoundedBody(request, spec.maxBytes);
  if (!body.ok) throw new BadInput(`body: larger than the limit of ${spec.maxBytes} bytes`);
  return { type, text: body.text };
}

/** A handler answered outside its contract: a bug (500), never a client error (422). */
function conform<S extends z.ZodType>(schema: S, value: unknown, path: string): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success)
    throw new Error(`${path}: response outside its contract: ${describeZodError("data", r.error)}`);
  return r.data;
}

function validate<S extends Obj | undefined>(where: string, schema: S, value: unknown): Parsed<S> {
  if (!schema) return undefined as Parsed<S>;
  const r = schema.safeParse(value);
  if (!r.success) throw new BadInput(describeZodError(where, r.error));
  return r.data as Parsed<S>;
}

function define<
  P extends Obj | undefined,
  Q extends Obj | undefined,
  B extends Obj | undefined,
  R extends z.ZodType,
>(
  contract: RouteContract<P, Q, B, R>,
  run: (input: HandlerInput<P, Q, B>) => Promise<Record<string, unknown>>,
): ApiHandler {
  const handler = async (request: Request, context: NextContext): Promise<Response> => {
    const requestId = randomUUID();
    try {
      const meta = requestMetaFrom(request.headers);
      const actor =
        contract.session && contract.method !== "POST"
          ? await requestActor(request)
          : await resolveApiKey(request.headers.get("authorization"), meta);
      if (!actor)
        return apiError("unauthenticated", "A valid API key is required (Authorization: Bearer ghk_…).");
      const limit = await checkApiRateLimit({ actor, route: contract.path, method: contract.method });
      if (!limit.allowed)
        return apiError("rate_limited", "Too many requests.", {
          "retry-after": String(limit.retryAfterSeconds),
        });
      const rawParams = (await context?.params) ?? {};
      const params = contract.params?.safeParse(rawParams);
      if (params && !params.success) return apiError("not_found", "No such resource.");
      let input: HandlerInput<P, Q, B>;
      try {
        input = {
          actor,
          request,
          params: params?.data as Parsed<P>,
          query: validate("query", (contract.query ?? NO_QUERY) as Q, queryObject(new URL(request.url))),
          body: contract.body
            ? validate("body", contract.body as B, await readBody(request))
            : (undefined as Parsed<B>),
          ...(contract.rawBody ? { raw: await readRawBody(request, contract.rawBody) } : {}),
        };
      } catch (error) {
        if (error instanceof BadInput) return apiError("invalid", error.message);
        throw error;
      }
      const body = await run(input);
      return Response.json(body, { status: 200, headers: { ...NO_STORE, "x-request-id": requestId } });
    } catch (error) {
      const expected = expectedErrorResponse(error);
      if (expected) return expected;
      logger.error(
        { err: error, requestId, route: contract.path, method: contract.method },
        "api request failed",
      );
      return apiError("internal", `Something went wrong (request id ${requestId}).`, {
        "x-request-id": requestId,
      });
    }
  };
  return Object.assign(handler, { contract }) as ApiHandler;
}

/** A route answering one object: `{ data }`. */
export function apiRoute<
  P extends Obj | undefined,
  Q extends Obj | undefined,
  B extends Obj | undefined,
  R extends z.ZodType,
>(
  contract: RouteContract<P, Q, B, R> & { list?: false },
  handler: (input: HandlerInput<P, Q, B>) => Promise<z.input<R>>,
): ApiHandler {
  return define(contract, async (input) => ({
    data: conform(contract.response, await handler(input), contract.path),
  }));
}

/** A route answering a list: `{ data: [...], total, page?, pageSize?, nextCursor? }`. */
export function apiListRoute<
  P extends Obj | undefined,
  Q extends Obj | undefined,
  B extends Obj | undefined,
  R extends z.ZodType,
>(
  contract: RouteContract<P, Q, B, R>,
  handler: (input: HandlerInput<P, Q, B>) => Promise<ListResult<z.input<R>>>,
): ApiHandler {
  const items = z.array(contract.response);
  return define({ ...contract, list: true }, async (input) => {
    const { items: rows, ...rest } = await handler(input);
    return { data: conform(items, rows, contract.path), ...rest };
  });
}
