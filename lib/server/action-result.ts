import "server-only";
import { randomUUID } from "node:crypto";
import { ZodError } from "zod";
import { isAppError } from "../errors";
import { logger } from "../logger";

export type ActionResult = { ok: true } | { ok: false; error: string } | null;

/**
 * Server actions return typed results: expected failures (authorisation, validation,
 * conflicts) say what went wrong; anything else is logged with an id the user can quote.
 */
export async function runAction(work: () => Promise<void>): Promise<ActionResult> {
  try {
    await work();
    return { ok: true };
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
