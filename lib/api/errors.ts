import "server-only";
import { ZodError } from "zod";
import { isAppError, type AppErrorCode } from "../errors";

// The API's error vocabulary: `{ "error": { "code", "message" } }` with the status a
// client can act on. AppError codes map one to one; anything else is a 500 whose
// message carries only the request id (the details go to the log).
export type ApiErrorCode = AppErrorCode | "rate_limited" | "internal";

const STATUS: Record<ApiErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 422,
  rate_limited: 429,
  internal: 500,
};

export const NO_STORE = { "cache-control": "no-store" } as const;

export function apiError(
  code: ApiErrorCode,
  message: string,
  headers: Record<string, string> = {},
): Response {
  const extra: Record<string, string> =
    code === "unauthenticated" ? { "www-authenticate": 'Bearer realm="gatehouse"' } : {};
  return Response.json(
    { error: { code, message } },
    { status: STATUS[code], headers: { ...NO_STORE, ...extra, ...headers } },
  );
}

/** "query.days: Too big…; query.foo: Unrecognized key" — names fields, never echoes values. */
export function describeZodError(where: string, error: ZodError): string {
  return error.issues.map((i) => `${[where, ...i.path.map(String)].join(".")}: ${i.message}`).join("; ");
}

/** An expected failure as its response, or null for a bug the caller must log. */
export function expectedErrorResponse(error: unknown): Response | null {
  if (isAppError(error)) return apiError(error.code, error.message);
  if (error instanceof ZodError) return apiError("invalid", describeZodError("input", error));
  return null;
}
