// Limits on accepted risk (pure): an exception may last at most `maxLifetimeDays`
// (GATEHOUSE_MAX_EXCEPTION_DAYS, default 365) from when it is approved, and one that
// covers every repository ("*/*", or any pattern whose owner and name are only "*")
// needs the explicit `confirmedAllRepositories` flag, which only a security lead may set
// (enforced where policies are saved). Checked for new and edited exceptions only:
// an unchanged exception keeps the expiry it was approved with.
import type { z } from "zod";
import type { PolicyExceptionSchema } from "./schema";

type PolicyException = z.output<typeof PolicyExceptionSchema>;

const DAY_MS = 86_400_000;

/** True when the pattern matches every repository of every owner. */
export function coversAllRepositories(pattern: string): boolean {
  return /^\*+\/\*+$/.test(pattern);
}

/** "exceptions.<id>.<field>: message" lines, empty when every given exception is within limits. */
export function exceptionLimitErrors(
  exceptions: readonly PolicyException[],
  ids: readonly string[],
  opts: { now: Date; maxLifetimeDays: number },
): string[] {
  const wanted = new Set(ids);
  const errors: string[] = [];
  const latest = opts.now.getTime() + opts.maxLifetimeDays * DAY_MS;
  for (const e of exceptions) {
    if (!wanted.has(e.id)) continue;
    if (Date.parse(e.expiresAt) > latest)
      errors.push(
        `exceptions.${e.id}.expiresAt: an exception may last at most ${opts.maxLifetimeDays} days (until ${new Date(latest).toISOString().slice(0, 10)})`,
      );
    if (coversAllRepositories(e.repo) && e.confirmedAllRepositories !== true)
      errors.push(
        `exceptions.${e.id}.repo: "${e.repo}" covers every repository; narrow it, or a security lead confirms it explicitly`,
      );
  }
  return errors;
}
