import "server-only";
import { randomUUID } from "node:crypto";
import { isAppError, type AppErrorCode } from "../errors";
import { logger } from "../logger";

const STATUS: Record<AppErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid: 400,
  conflict: 409,
};

/** Route handlers: expected failures become `{ error: { code, message } }` with their status. */
export function errorResponse(error: unknown): Response {
  if (isAppError(error))
    return Response.json(
      { error: { code: error.code, message: error.message } },
      { status: STATUS[error.code] },
    );
  const id = randomUUID();
  logger.error({ err: error, errorId: id }, "route handler failed");
  return Response.json(
    { error: { code: "internal", message: `Something went wrong (error id ${id}).` } },
    { status: 500 },
  );
}
