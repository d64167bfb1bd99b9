// Expected failures carry a code the UI and API map to a status; anything else is a bug
// and is logged with the request id and shown as a generic message.
export type AppErrorCode = "unauthenticated" | "forbidden" | "not_found" | "invalid" | "conflict";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function isAppError(error: unknown, code?: AppErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
