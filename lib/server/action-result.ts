import "server-only";
import { randomUUID } from "node:crypto";
import { ZodError } from "zod";
import { isAppError } from "../errors";
import { logger } from "../logger";

export type ActionResult = { ok: true; message?: string } | { ok: false; error: string } | null;

/**
 * Server actions return typed results: expected failures (authorisation, validation,
 * conflicts) say what went wrong; work may return a message saying what it did; anything else is logged with an id the user can quote.
 */
export async function runAction(work: () => Promise<void | string>): Promise<ActionResult> {
  try {
    const message = await work();
    return message === undefined ? { ok: true } : { ok: true, message };
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: error.message };
    if (error instanceof ZodError)
      return {
        ok: false,
        error: `Invalid input: ${error.issues.map((i) => i.path.join(".") || i.message).join(", ")}`,
      };
    const id = randomUUID();
    logger.error({ err: error, errorId: id }, "server action failed");
    return { ok: false, error: `Something went wrong (error id ${id}).` };
  }
}
